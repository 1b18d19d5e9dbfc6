import { startEmulator } from '../../emulator';
import type { EmulatedTask, FaultSpec, RateLimit, RateLimitTarget, RunningEmulator } from '../../emulator';
import { EmulatorLedger } from './emulator-ledger';
import { FaultUsage } from './fault-usage';

/** Task durations of the suite's emulator: long enough to poll a few times, short enough for hundreds of runs. */
export const suiteLifecycle = { creatingMs: 300, runningMs: 1_500 };

/**
 * The in-process emulator the worker child talks to, with a ledger of every request, the faults and
 * rate limits armed since the last {@link SuiteEmulator.disarm}, and a restart on the same port and
 * state file (so the worker's endpoint stays valid) for runs that need other task durations.
 */
export class SuiteEmulator {
  private limited = new Set<RateLimitTarget>();
  private readonly usage = new FaultUsage();

  private constructor(
    private current: RunningEmulator,
    private readonly stateFile: string,
    readonly ledger: EmulatorLedger,
  ) {}

  static async start(stateFile: string): Promise<SuiteEmulator> {
    const ledger = new EmulatorLedger();
    const emulator = await startEmulator({ port: 0, stateFile, lifecycle: suiteLifecycle, onRequest: ledger.record });
    return new SuiteEmulator(emulator, stateFile, ledger);
  }

  /** `host:port` for POLARDB_ENDPOINT; the same after a restart. */
  get endpoint(): string {
    return this.current.endpoint;
  }

  tasks(): EmulatedTask[] {
    return this.current.tasks();
  }

  arm(spec: FaultSpec): void {
    this.usage.track(spec, this.current.faults.add(spec));
  }

  setRateLimit(action: RateLimitTarget, limit: RateLimit): void {
    this.current.setRateLimit(action, limit);
    this.limited.add(action);
  }

  /**
   * Requests that met a hold or delay armed since the last {@link disarm} but are not in the ledger yet: a
   * held create is logged only when its answer is finally given, although the task exists from the start.
   */
  lateAnswersPending(ledgerMark: number): number {
    const logged = this.ledger.since(ledgerMark).flatMap((entry) => (entry.fault ? [entry.fault] : []));
    return this.usage.lateAnswersPending(this.current.faults.list(), logged);
  }

  /** The faults armed since the last {@link disarm} that no request has met (yet). */
  faultsLeftOver(): string[] {
    return this.usage.leftOver(this.current.faults.list());
  }

  /**
   * Clears the armed faults, which releases hung tasks, while still accounting for the ones already met:
   * for a scenario that releases its hangs half-way.
   */
  clearFaults(): void {
    this.usage.cleared(this.current.faults.list());
    this.current.faults.clear();
  }

  /** Clears faults (releasing hung tasks) and the rate limits set since the last call: the end of a scenario. */
  disarm(): void {
    this.current.faults.clear();
    this.usage.reset();
    for (const action of this.limited) {
      if (action !== '*') this.current.setRateLimit(action, null);
    }
    this.limited = new Set();
  }

  /** Restarts on the same port and state file with other durations for the tasks created from now on. */
  async restart(lifecycle: { creatingMs: number; runningMs: number }): Promise<void> {
    const port = this.current.port;
    await this.current.close();
    this.current = await startEmulator({ port, stateFile: this.stateFile, lifecycle, onRequest: this.ledger.record });
  }

  close(): Promise<void> {
    return this.current.close();
  }
}
