import path from 'node:path';

import { TemporalCliUnavailable, buildTemporalCli } from './temporal-build';
import type { TemporalLog } from './temporal-log';
import { findCachedCli, isExecutableFile } from './temporal-paths';

/**
 * Finds a Temporal CLI to run the dev server with, in this order: the binary named by env
 * `TEMPORAL_CLI`; `temporal` on PATH; the project's build in the per-user cache. When none exists it
 * builds one with Go (minutes, once per machine), reporting progress through `log`.
 */
export async function resolveTemporalBinary(log: TemporalLog): Promise<string> {
  const fromEnv = process.env.TEMPORAL_CLI;
  if (fromEnv) {
    if (await isExecutableFile(fromEnv)) return fromEnv;
    throw new TemporalCliUnavailable(
      `TEMPORAL_CLI is set to ${fromEnv}, which is not an executable file. Point it at a temporal binary, or unset it to use temporal on PATH or the project's cached build.`,
    );
  }

  const onPath = await findOnPath('temporal');
  if (onPath) return onPath;

  const cached = await findCachedCli();
  if (cached) return cached.file;

  return buildTemporalCli(log);
}

/** The first executable called `name` in the PATH folders, like a shell would find it. */
async function findOnPath(name: string): Promise<string | undefined> {
  for (const folder of (process.env.PATH ?? '').split(path.delimiter)) {
    // An empty PATH entry means the current folder, which we do not want to pick a binary from.
    if (!folder) continue;
    const candidate = path.join(folder, name);
    if (await isExecutableFile(candidate)) return candidate;
  }
  return undefined;
}
