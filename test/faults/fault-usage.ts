import type { ActiveFault, FaultSpec } from '../../emulator';

interface ArmedFault {
  id: string;
  spec: FaultSpec;
  count: number;
  /** Counts left when the faults were cleared mid-scenario; undefined while still armed. */
  leftAtClear?: number;
}

/**
 * How much of each fault armed in a scenario was met. A fault left over means its scenario did not do what
 * its title says (the report notes it); a hold or delay that was met but is not in the request log yet
 * means an answer is still to come, and with it the log entry of a held create.
 */
export class FaultUsage {
  private armed: ArmedFault[] = [];

  track(spec: FaultSpec, armed: ActiveFault): void {
    // Task-aimed faults apply at once, and 'always' has no count to use up: neither can be left over.
    if (armed.remaining === 'always' || armed.remaining === 0) return;
    this.armed.push({ id: armed.id, spec, count: armed.remaining });
  }

  /** Records what was left of every armed fault just before the emulator's faults are cleared. */
  cleared(stillArmed: ActiveFault[]): void {
    for (const fault of this.armed.filter((candidate) => candidate.leftAtClear === undefined)) {
      fault.leftAtClear = leftOf(fault, stillArmed);
    }
  }

  /** Requests that met a hold or delay but whose answer (and log entry) has not been given yet. */
  lateAnswersPending(stillArmed: ActiveFault[], loggedFaults: string[]): number {
    let pending = 0;
    for (const kind of ['delay', 'hold-after-create'] as const) {
      const taken = this.armed
        .filter((fault) => fault.spec.kind === kind)
        .reduce((sum, fault) => sum + fault.count - leftOf(fault, stillArmed), 0);
      pending += Math.max(0, taken - loggedFaults.filter((logged) => logged === kind).length);
    }
    return pending;
  }

  /** "kind on action: n of m left" for every fault not fully met. */
  leftOver(stillArmed: ActiveFault[]): string[] {
    return this.armed.flatMap((fault) => {
      const left = leftOf(fault, stillArmed);
      const action = fault.spec.action ? ` on ${fault.spec.action}` : '';
      return left > 0 ? [`${fault.spec.kind}${action}: ${left} of ${fault.count} never met`] : [];
    });
  }

  reset(): void {
    this.armed = [];
  }
}

function leftOf(fault: ArmedFault, stillArmed: ActiveFault[]): number {
  if (fault.leftAtClear !== undefined) return fault.leftAtClear;
  const remaining = stillArmed.find((candidate) => candidate.id === fault.id)?.remaining;
  return typeof remaining === 'number' ? remaining : 0;
}
