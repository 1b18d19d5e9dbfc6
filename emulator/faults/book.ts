import { FaultSpecError } from './types';
import { parseFaultSpec } from './parse';

import type { ActiveFault, FaultController, FaultKind, FaultOf, FaultSpec, TaskAimedFault } from './types';

/** Where faults aimed at an existing task (`taskId`) take effect. */
export interface TaskFaultTarget {
  /** Applies the fault to its task at once; throws {@link FaultSpecError} when it cannot (unknown task...). */
  applyToTask(spec: TaskAimedFault & { taskId: string }): void;
  /** Lets every hung task carry on; called when the faults are cleared. */
  releaseHungTasks(): void;
}

/** Reason recorded when a fail-task fault gives none. */
export const DEFAULT_FAILURE_REASON = 'Emulated training failure.';

function hasKind<K extends FaultKind>(spec: FaultSpec, kinds: readonly K[]): spec is FaultOf<K> {
  return (kinds as readonly FaultKind[]).includes(spec.kind);
}

/** Matches when the fault names no action or names this one. */
function appliesTo(spec: FaultSpec, action: string | undefined): boolean {
  return spec.action === undefined || spec.action === action;
}

function isAimedAtTask(spec: FaultSpec): spec is TaskAimedFault & { taskId: string } {
  return 'taskId' in spec && spec.taskId !== undefined;
}

/**
 * The armed faults. Request handling asks {@link FaultBook.take} at fixed points (on arrival, before serving,
 * after a create, while listing); each successful take uses up one count. Standing conditions (clock-shift) are
 * read with {@link FaultBook.current} and stay until cleared.
 */
export class FaultBook implements FaultController {
  private active: ActiveFault[] = [];
  private nextId = 1;

  constructor(private readonly target: TaskFaultTarget) {}

  add(spec: FaultSpec): ActiveFault {
    const checked = parseFaultSpec(spec);
    const id = `fault-${this.nextId++}`;

    if (isAimedAtTask(checked)) {
      if (checked.count !== undefined) {
        throw new FaultSpecError(`Invalid fault: a ${checked.kind} with taskId takes no count.`);
      }
      this.target.applyToTask(checked);
      return { id, spec: checked, remaining: 0 };
    }

    const remaining = checked.kind === 'clock-shift' ? 'always' : (checked.count ?? 1);
    const fault: ActiveFault = { id, spec: checked, remaining };
    this.active.push(fault);
    return structuredClone(fault);
  }

  clear(): number {
    const cleared = this.active.length;
    this.active = [];
    this.target.releaseHungTasks();
    return cleared;
  }

  list(): ActiveFault[] {
    return structuredClone(this.active);
  }

  /**
   * Uses up one count of the earliest armed fault of one of `kinds` that applies to `action`, and returns its
   * spec; undefined when none is armed.
   */
  take<K extends FaultKind>(kinds: readonly K[], action?: string): FaultOf<K> | undefined {
    const fault = this.active.find((candidate) => hasKind(candidate.spec, kinds) && appliesTo(candidate.spec, action));
    if (!fault || !hasKind(fault.spec, kinds)) return undefined;

    if (fault.remaining !== 'always') {
      fault.remaining -= 1;
      if (fault.remaining <= 0) this.active = this.active.filter((candidate) => candidate !== fault);
    }
    return fault.spec;
  }

  /** The most recently armed fault of `kind` that applies to `action`, without using it up. */
  current<K extends FaultKind>(kind: K, action?: string): FaultOf<K> | undefined {
    const matching = this.active.filter(
      (candidate) => candidate.spec.kind === kind && appliesTo(candidate.spec, action),
    );
    const spec = matching.at(-1)?.spec;
    return spec && hasKind(spec, [kind]) ? spec : undefined;
  }
}
