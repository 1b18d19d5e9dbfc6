/**
 * How a raw `DBClusterStatus` reads for the pipeline. Only `COMPLETED` and `FAILED` are terminal; any
 * other value, documented (`ACTIVATION`), undocumented (`Creating`) or empty, means "still running".
 */
export type TaskPhase = 'running' | 'completed' | 'failed';

const documentedRunningStatuses = new Set(['ACTIVATION', 'Creating', 'RUNNING']);

/** Maps a raw status to the pipeline's phase. */
export function phaseOf(status: string): TaskPhase {
  if (status === 'COMPLETED') return 'completed';
  if (status === 'FAILED') return 'failed';
  return 'running';
}

/** True for a status the API reference does not list, which operators should hear about once. */
export function isUnexpectedStatus(status: string): boolean {
  return status !== 'COMPLETED' && status !== 'FAILED' && !documentedRunningStatuses.has(status);
}
