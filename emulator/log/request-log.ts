import type { FaultKind } from '../faults/types';

/** One API request as the emulator saw it. Admin routes are not logged. */
export interface RequestLogEntry {
  /** When the answer was decided (emulator clock), ISO-8601 with milliseconds. */
  time: string;
  /** The action asked for (`x-acs-action`, or V2's `Action`); an empty string when the request never named one. */
  action: string;
  /** The key business parameters (ids, names, types); never RunningParameter or signing material. */
  params: Record<string, string>;
  /**
   * `'ok'` when the action was performed, otherwise the error `Code` answered; `'server-error'` for a 5xx without
   * a code (HTML or empty body), `'uri-too-long'` for the 414 page answered to an over-long request target, and
   * `'not-served'` when the socket was reset before anything was done.
   */
  outcome: string;
  /** HTTP status answered; 0 when the connection was dropped without an answer. */
  httpStatus: number;
  /** The fault that shaped this answer, if any. */
  fault?: FaultKind;
  /** `RequestId` of the answer, when one was sent. */
  requestId?: string;
  /** The AccessKey that signed, once the signature was verified (an `STS.` id for temporary credentials). */
  accessKeyId?: string;
  /** Signature style of a verified request. */
  signatureVersion?: 'v2' | 'v3';
  /** The `pm-` or `pds-` id a performed create made (also when its answer was then dropped or held). */
  createdId?: string;
}

/** Which entries to return; every given field must match exactly. */
export interface RequestLogFilter {
  action?: string;
  outcome?: string;
  /** The request's `TaskName` parameter. */
  taskName?: string;
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
  'DatasetName',
  'DatasetType',
  'TrainMode',
  'DescribeType',
  'LogType',
  'MetricType',
  'StartTime',
  'EndTime',
  'PageNumber',
  'PageSize',
  'RegionId',
];

/** Keeps memory bounded for a long-running CLI emulator; tests never come close. */
const maxEntries = 5000;

/** Picks the logged parameters out of a request's parameters. */
export function keyParams(params: ReadonlyMap<string, string>): Record<string, string> {
  return Object.fromEntries(loggedParams.flatMap((name) => (params.has(name) ? [[name, params.get(name) ?? '']] : [])));
}

function matches(entry: RequestLogEntry, filter: RequestLogFilter): boolean {
  return (
    (filter.action === undefined || entry.action === filter.action) &&
    (filter.outcome === undefined || entry.outcome === filter.outcome) &&
    (filter.taskName === undefined || entry.params.TaskName === filter.taskName)
  );
}

/**
 * The in-memory request log, newest last. Enough to count API calls per action and tasks created per TaskName
 * (`action: 'CreateAIDBClusterTask', outcome: 'ok'`, grouped by `params.TaskName`).
 */
export class RequestLog {
  private entries: RequestLogEntry[] = [];

  constructor(private readonly onEntry?: (entry: RequestLogEntry) => void) {}

  record(entry: RequestLogEntry): void {
    this.entries.push(entry);
    if (this.entries.length > maxEntries) this.entries.splice(0, this.entries.length - maxEntries);
    this.onEntry?.({ ...entry, params: { ...entry.params } });
  }

  /** A copy of the log (or of the matching entries), oldest first. */
  list(filter: RequestLogFilter = {}): RequestLogEntry[] {
    return structuredClone(this.entries.filter((entry) => matches(entry, filter)));
  }

  clear(): number {
    const cleared = this.entries.length;
    this.entries = [];
    return cleared;
  }
}
