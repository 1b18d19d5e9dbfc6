import type { FaultKind } from '../faults/types';

/** One API request as the emulator saw it. Admin routes are not logged. */
export interface RequestLogEntry {
  /** When the answer was decided (emulator clock), ISO-8601 with milliseconds. */
  time: string;
  /** `x-acs-action`, or an empty string when the request never named one. */
  action: string;
  /** The key business parameters (ids, names, types); never RunningParameter or signing material. */
  params: Record<string, string>;
  /** `'ok'` when the action was performed, otherwise the error `Code` answered. */
  outcome: string;
  /** HTTP status answered; 0 when the connection was dropped without an answer. */
  httpStatus: number;
  /** The fault that shaped this answer, if any. */
  fault?: FaultKind;
}

/** Parameters worth seeing in the log. */
const loggedParams = [
  'DBClusterId',
  'RelativeDBClusterId',
  'TaskName',
  'KubeType',
  'ModelSource',
  'ModelName',
  'DatasetPath',
  'EvalDatasetPath',
  'DatasetId',
  'DatasetType',
  'TrainMode',
  'RegionId',
];

/** Keeps memory bounded for a long-running CLI emulator; tests never come close. */
const maxEntries = 5000;

/** Picks the logged parameters out of a request's parameters. */
export function keyParams(params: ReadonlyMap<string, string>): Record<string, string> {
  return Object.fromEntries(loggedParams.flatMap((name) => (params.has(name) ? [[name, params.get(name) ?? '']] : [])));
}

/** The in-memory request log, newest last. */
export class RequestLog {
  private entries: RequestLogEntry[] = [];

  constructor(private readonly onEntry?: (entry: RequestLogEntry) => void) {}

  record(entry: RequestLogEntry): void {
    this.entries.push(entry);
    if (this.entries.length > maxEntries) this.entries.splice(0, this.entries.length - maxEntries);
    this.onEntry?.({ ...entry, params: { ...entry.params } });
  }

  /** A copy of the log, oldest first. */
  list(): RequestLogEntry[] {
    return structuredClone(this.entries);
  }

  clear(): number {
    const cleared = this.entries.length;
    this.entries = [];
    return cleared;
  }
}
