import { requireTaskOfParent } from './lookup';
import { requiredParam } from './params';

import type { ActionHandler } from './types';

/**
 * DeleteAIDBClusterTask (§6): stops and removes the task at once, so a second delete (or any later describe)
 * gets `InvalidDBClusterId.NotFound`. A RelativeDBClusterId that is not the task's parent is treated as not
 * found rather than ignored.
 */
export const deleteTask: ActionHandler = (context) => {
  const taskId = requiredParam(context.params, 'DBClusterId');
  const task = requireTaskOfParent(context, taskId);

  context.store.removeTask(task.id);
  return { DBClusterId: task.id, RelativeDBClusterId: task.clusterId };
};
