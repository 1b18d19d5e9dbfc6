import { createDataset } from './create-dataset';
import { createTask } from './create-task';
import { deleteDataset } from './delete-dataset';
import { deleteTask } from './delete-task';
import { describeDatasets } from './describe-datasets';
import { describeTaskAttribute } from './describe-task-attribute';
import { describeTaskLogFiles } from './describe-task-log-files';
import { describeTaskMetrics } from './describe-task-metrics';
import { describeTasks } from './describe-tasks';

import type { ServedAction } from './names';
import type { ActionHandler } from './types';

/** Handler of each served action; typed as a full record so a new name in `SERVED_ACTIONS` must get one. */
export const actionHandlers: Readonly<Record<ServedAction, ActionHandler>> = {
  CreateAIDBClusterTask: createTask,
  DescribeAIDBClusterTasks: describeTasks,
  DescribeAIDBClusterTaskAttribute: describeTaskAttribute,
  DescribeAIDBClusterTaskLogFiles: describeTaskLogFiles,
  DescribeAIDBClusterTaskMetrics: describeTaskMetrics,
  DeleteAIDBClusterTask: deleteTask,
  CreateAIDBClusterDataset: createDataset,
  DescribeAIDBClusterDatasets: describeDatasets,
  DeleteAIDBClusterDataset: deleteDataset,
};
