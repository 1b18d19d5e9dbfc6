import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../../scripts/lib/temporal-paths';
import type { TemporalLog } from '../../scripts/lib/temporal-log';
import { waitUntil } from './wait';

/** Bundling the workflows at start-up takes a few seconds; a loaded 2-core machine much longer. */
const startTimeoutMs = 120_000;
/** SIGTERM lets in-flight activities finish; a worker still busy after this is killed. */
const stopGraceMs = 15_000;
const outputTailChars = 4_000;

/**
 * The production worker (`tsx src/worker.ts`) run as a child process in its own process group, so the
 * suite can kill it the way an OOM killer or a lost VM would: SIGKILL to the whole group (tsx and the
 * node process it starts), no shutdown hook run. Each start's output goes to `worker-<n>.log`.
 */
export class WorkerProcess {
  starts = 0;
  private child: ChildProcess | undefined;
  private exited: Promise<void> = Promise.resolve();
  private readonly killOnExit = (): void => this.signal('SIGKILL');

  constructor(
    private readonly env: Record<string, string>,
    private readonly logDir: string,
    private readonly log: TemporalLog,
  ) {}

  /** Starts the worker and resolves once it logs "Worker started"; rejects with its output if it exits first. */
  async start(): Promise<void> {
    if (this.child) throw new Error('The worker is already running');
    const logFile = path.join(this.logDir, `worker-${++this.starts}.log`);
    const tsx = path.join(repoRoot, 'node_modules', '.bin', 'tsx');
    const child = spawn(tsx, ['src/worker.ts'], { cwd: repoRoot, env: this.env, detached: true, stdio: 'pipe' });
    this.child = child;
    process.on('exit', this.killOnExit);

    const file = createWriteStream(logFile);
    let tail = '';
    let ready = false;
    const collect = (chunk: Buffer): void => {
      file.write(chunk);
      tail = (tail + chunk.toString('utf8')).slice(-outputTailChars);
      ready ||= tail.includes('Worker started');
    };
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    let exitReason: string | undefined;
    this.exited = new Promise((resolve) => {
      child.once('exit', (code, signal) => {
        exitReason = signal ?? `code ${code}`;
        file.end();
        process.off('exit', this.killOnExit);
        if (this.child === child) this.child = undefined;
        resolve();
      });
    });

    try {
      await waitUntil(
        () => {
          if (exitReason) throw new Error(`The worker exited (${exitReason}) before it started:\n${tail}`);
          return ready;
        },
        { what: `the worker to log "Worker started" (see ${logFile})`, timeoutMs: startTimeoutMs, intervalMs: 100 },
      );
    } catch (error) {
      await this.kill();
      throw error;
    }
    this.log('Worker started', { pid: child.pid, start: this.starts, log: path.relative(repoRoot, logFile) });
  }

  /** SIGKILL to the worker's process group: nothing is finished, flushed or reported. */
  async kill(): Promise<void> {
    this.signal('SIGKILL');
    await this.exited;
  }

  /** SIGTERM, as an orchestrator stops a worker; SIGKILL if it is still there after the grace period. */
  async stop(): Promise<void> {
    if (!this.child) return;
    this.signal('SIGTERM');
    const timer = setTimeout(() => this.signal('SIGKILL'), stopGraceMs);
    await this.exited;
    clearTimeout(timer);
  }

  private signal(signal: NodeJS.Signals): void {
    const pid = this.child?.pid;
    if (pid === undefined) return;
    try {
      // Negative pid: the group this child leads (it was spawned detached), so tsx's node child goes too.
      process.kill(-pid, signal);
    } catch {
      // Already gone.
    }
  }
}
