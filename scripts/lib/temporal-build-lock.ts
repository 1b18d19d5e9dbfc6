import { open, readFile, rm, stat } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';

import type { TemporalLog } from './temporal-log';
import { elapsedSince } from './temporal-log';

/** How often a waiting run checks the lock, and how often it says it is still waiting. */
const pollMs = 1_000;
const noticeEveryMs = 30_000;

/** A lock file with no pid in it after this long was left by a run that died while taking it. */
const emptyLockStaleMs = 10_000;

/**
 * Runs `work` while holding an exclusive lock file, so two runs on one machine (two test runs, or
 * the demo and the tests) never build the Temporal CLI at the same time: the second waits, then
 * finds the first one's build. A lock whose owner process is gone is taken over.
 */
export async function withBuildLock<T>(lockPath: string, log: TemporalLog, work: () => Promise<T>): Promise<T> {
  const startedAt = Date.now();
  let lastNoticeAt = 0;

  while (!(await tryCreateLock(lockPath))) {
    const owner = await readLockOwner(lockPath);

    if (owner === 'stale') {
      log('Taking over a build lock left by a run that exited', { lockPath });
      await rm(lockPath, { force: true });
      continue;
    }

    if (Date.now() - lastNoticeAt >= noticeEveryMs) {
      log('Waiting for another run to finish building the Temporal CLI', {
        ownerPid: owner,
        lockPath,
        waited: elapsedSince(startedAt),
      });
      lastNoticeAt = Date.now();
    }

    await sleep(pollMs);
  }

  try {
    return await work();
  } finally {
    await rm(lockPath, { force: true });
  }
}

/** Creates the lock file exclusively and writes our pid into it; false when another run holds it. */
async function tryCreateLock(lockPath: string): Promise<boolean> {
  try {
    const handle = await open(lockPath, 'wx');
    await handle.writeFile(`${process.pid}\n`);
    await handle.close();
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

/** The pid of the live run holding the lock, or 'stale' when that run is gone. */
async function readLockOwner(lockPath: string): Promise<number | 'stale' | undefined> {
  let text: string;
  try {
    text = await readFile(lockPath, 'utf8');
  } catch {
    return undefined;
  }

  const pid = Number.parseInt(text.trim(), 10);
  if (Number.isNaN(pid)) {
    const age = await stat(lockPath).then(
      (info) => Date.now() - info.mtimeMs,
      () => 0,
    );
    return age > emptyLockStaleMs ? 'stale' : undefined;
  }

  return isProcessAlive(pid) ? pid : 'stale';
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
