import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import path from 'node:path';

/** Repository root; scripts/lib sits two levels below it. */
export const repoRoot = path.resolve(__dirname, '..', '..');

/** Git-ignored scratch folder for run state (dev-server databases, bundles, test results). */
export const localDir = path.join(repoRoot, '.local');

/**
 * Temporal CLI tags the project can build, best first. v1.5.1 is pinned because it is the newest tag
 * that `go install` accepts; the older ones are fallbacks for when a dependency of the pinned tag
 * cannot be fetched.
 */
export const temporalCliVersions = ['v1.5.1', 'v1.4.1', 'v1.3.0'] as const;

export type TemporalCliVersion = (typeof temporalCliVersions)[number];

/**
 * Per-user cache folder outside the repository, so a fresh clone (or CI) reuses a CLI built by an
 * earlier run instead of spending minutes on it again.
 */
export function temporalCacheRoot(): string {
  const base = process.env.XDG_CACHE_HOME || path.join(homedir(), '.cache');
  return path.join(base, 'polardb-ai-orchestrator');
}

/** Where the build of one CLI tag lives: `<cache>/temporal-cli-<tag>/bin/temporal`. */
export function cachedCliPath(version: TemporalCliVersion): string {
  return path.join(temporalCacheRoot(), `temporal-cli-${version}`, 'bin', 'temporal');
}

/** True when `file` is a regular file this user may execute. */
export async function isExecutableFile(file: string): Promise<boolean> {
  try {
    await access(file, constants.X_OK);
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}

/** The first cached CLI build, in order of preference, or undefined when none was built yet. */
export async function findCachedCli(): Promise<{ version: TemporalCliVersion; file: string } | undefined> {
  for (const version of temporalCliVersions) {
    const file = cachedCliPath(version);
    if (await isExecutableFile(file)) return { version, file };
  }
  return undefined;
}
