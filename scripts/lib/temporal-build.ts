import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';

import { withBuildLock } from './temporal-build-lock';
import type { TemporalLog } from './temporal-log';
import { elapsedSince } from './temporal-log';
import type { TemporalCliVersion } from './temporal-paths';
import { cachedCliPath, findCachedCli, temporalCacheRoot, temporalCliVersions } from './temporal-paths';

/** Go's module path for the CLI's main package. */
const cliPackage = 'github.com/temporalio/cli/cmd/temporal';

/** How often a long build says it is still alive. */
const heartbeatMs = 30_000;

/** How much of go's output a failure message quotes. */
const tailLines = 15;

/** The Temporal CLI could not be found or built; the message says what the user can do instead. */
export class TemporalCliUnavailable extends Error {
  override readonly name = 'TemporalCliUnavailable';
}

const alternatives =
  'Alternatively set TEMPORAL_CLI to a temporal binary, or TEMPORAL_ADDRESS to a running Temporal server.';

/**
 * Builds the Temporal CLI into the per-user cache with `go install`, once per machine, and returns
 * the binary's path. Tries the pinned tag first and older tags after it. Concurrent runs take turns
 * through a lock, and a build lands under its final name only when complete, so a run never picks up
 * half a binary.
 */
export async function buildTemporalCli(log: TemporalLog): Promise<string> {
  const goVersion = await detectGo();
  const cacheRoot = temporalCacheRoot();
  await mkdir(cacheRoot, { recursive: true });

  return withBuildLock(path.join(cacheRoot, 'temporal-cli-build.lock'), log, async () => {
    // A run we waited for may have built it meanwhile.
    const cached = await findCachedCli();
    if (cached) return cached.file;
    await removeAbandonedBuilds(cacheRoot);

    const failures: string[] = [];
    for (const version of temporalCliVersions) {
      try {
        const why =
          failures.length === 0 ? 'TEMPORAL_CLI is unset, no temporal on PATH, no cached build' : 'newer tags failed';
        const file = await goInstall(version, { goVersion, why }, log);
        if (version !== temporalCliVersions[0]) {
          log('Built an older Temporal CLI because the pinned tag failed', { built: version, file });
        }
        return file;
      } catch (error) {
        failures.push(`${version}: ${(error as Error).message}`);
        log('Building this Temporal CLI tag failed', { version, error: (error as Error).message });
      }
    }

    throw new TemporalCliUnavailable(`Could not build the Temporal CLI.\n${failures.join('\n')}\n${alternatives}`);
  });
}

async function goInstall(
  version: TemporalCliVersion,
  context: { goVersion: string; why: string },
  log: TemporalLog,
): Promise<string> {
  const target = cachedCliPath(version);
  const startedAt = Date.now();
  // Build next to the final folder (same file system) so the rename below is atomic.
  const scratch = await mkdtemp(path.join(temporalCacheRoot(), `.build-${version}-`));

  log('Building the Temporal CLI from source; this happens once per machine and takes a few minutes', {
    why: context.why,
    version,
    go: context.goVersion,
    into: target,
  });
  const heartbeat = setInterval(
    () => log('Still building the Temporal CLI', { version, elapsed: elapsedSince(startedAt) }),
    heartbeatMs,
  );

  try {
    await runGo(['install', `${cliPackage}@${version}`], { GOBIN: scratch }, log);
    await mkdir(path.dirname(target), { recursive: true });
    await rename(path.join(scratch, 'temporal'), target);
    log('Built the Temporal CLI', { version, file: target, took: elapsedSince(startedAt) });
    return target;
  } finally {
    clearInterval(heartbeat);
    await rm(scratch, { recursive: true, force: true });
  }
}

/** Scratch folders of builds whose run died; safe to remove because we hold the build lock. */
async function removeAbandonedBuilds(cacheRoot: string): Promise<void> {
  const leftovers = (await readdir(cacheRoot)).filter((name) => name.startsWith('.build-'));
  await Promise.all(leftovers.map((name) => rm(path.join(cacheRoot, name), { recursive: true, force: true })));
}

/** Go's version string, or a TemporalCliUnavailable naming what to install when go is missing. */
async function detectGo(): Promise<string> {
  try {
    const output: string[] = [];
    await runGo(['env', 'GOVERSION'], {}, (line) => output.push(line));
    return output.join(' ').trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new TemporalCliUnavailable(
        `No Temporal CLI found and Go is not installed to build one. Install Go 1.21 or newer (it fetches the Go 1.25 toolchain the CLI needs by itself; distribution packages may be older) and run again; the build happens once. ${alternatives}`,
      );
    }
    throw error;
  }
}

/** Runs go, passing each line of its output to `onLine`; rejects with the output's tail on failure. */
function runGo(args: string[], env: Record<string, string>, onLine: TemporalLog): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('go', args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    const tail: string[] = [];
    const forward = (line: string): void => {
      tail.push(line);
      if (tail.length > tailLines) tail.shift();
      onLine(line);
    };
    createInterface({ input: child.stdout }).on('line', forward);
    createInterface({ input: child.stderr }).on('line', forward);

    child.once('error', reject);
    child.once('close', (code, signal) => {
      if (code === 0) return resolve();
      reject(new Error(`go ${args.join(' ')} exited with ${signal ?? code}: ${tail.join('\n')}`));
    });
  });
}
