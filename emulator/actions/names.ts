/** Actions the emulator serves. Any other `x-acs-action` is answered with `InvalidAction.NotFound`. */
export const SERVED_ACTIONS = [
  'CreateAIDBClusterTask',
  'DescribeAIDBClusterTasks',
  'DescribeAIDBClusterTaskAttribute',
  'DescribeAIDBClusterTaskLogFiles',
  'DescribeAIDBClusterTaskMetrics',
  'DeleteAIDBClusterTask',
  'CreateAIDBClusterDataset',
  'DescribeAIDBClusterDatasets',
  'DeleteAIDBClusterDataset',
] as const;

/** Name of a served action. */
export type ServedAction = (typeof SERVED_ACTIONS)[number];

/** The action whose response the after-create faults drop or hold. */
export const CREATE_TASK_ACTION: ServedAction = 'CreateAIDBClusterTask';

/** Narrows a header value to a served action. */
export function isServedAction(name: string): name is ServedAction {
  return (SERVED_ACTIONS as readonly string[]).includes(name);
}
