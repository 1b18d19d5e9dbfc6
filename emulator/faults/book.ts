import { FaultSpecError } from './types';
import { parseFaultSpec } from './parse';

import type { ActiveFault, FaultController, FaultKind, FaultOf, FaultSpec } from './types';

/** Applies a fail-task fault aimed at an existing task; false when the task is unknown. */
export type FailExistingTask = (taskId: string, reason: string) => boolean;

/** Reason recorded when a fail-task fault gives none. */
export const DEFAULT_FAILURE_REASON = 'Emulated training failure.';

function hasKind<K extends FaultKind>(spec: FaultSpec, kinds: readonly K[]): spec is FaultOf<K> {
  return (kinds as readonly FaultKind[]).includes(spec.kind);
}

/** Matches when the fault names no action or names this one. */
function appliesTo(spec: FaultSpec, action: string | undefined): boolean {
  return spec.action === undefined || spec.action === action;
}

/**
 * The armed faults. Request handling asks {@link FaultBook.take} at fixed points (before serving, after a
 * create, while listing); each successful take uses up one count.
 */
export class FaultBook implements FaultController {
  private active: ActiveFault[] = [];
  private nextId = 1;

  constructor(private readonly failExistingTask: FailExistingTask) {}

  add(spec: FaultSpec): ActiveFault {
    const checked = parseFaultSpec(spec);
    const fault: ActiveFault = { id: `fault-${this.nextId++}`, spec: checked, remaining: checked.count ?? 1 };

    if (checked.kind === 'fail-task' && checked.taskId !== undefined) {
      if (checked.count !== undefined)
        throw new FaultSpecError('Invalid fault: a fail-task with taskId takes no count.');
      if (!this.failExistingTask(checked.taskId, checked.message ?? DEFAULT_FAILURE_REASON)) {
        throw new FaultSpecError(`Invalid fault: task ${checked.taskId} does not exist.`);
      }
      return { ...fault, remaining: 0 };
    }

    this.active.push(fault);
    return structuredClone(fault);
  }

  clear(): number {
    const cleared = this.active.length;
    this.active = [];
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
}
