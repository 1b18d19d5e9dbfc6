import { trainingEvents } from '../tasks/training-events';
import { requireTaskOfParent } from './lookup';
import { pageItems, pageOf } from './paging';
import { checkEnum, requiredParam } from './params';
import { inWindow, timeWindowOf } from './time-window';

import type { ActionHandler } from './types';

/**
 * DescribeAIDBClusterTaskLogFiles (§6): the task's log lines in the StartTime–EndTime window, oldest first (newest
 * first with `Reverse=true`), paged. `Items` is an object wrapping `SlsLogItems`. `PageRecordCount` is documented
 * as possibly absent; it is left out of empty pages so clients cannot come to rely on it.
 */
export const describeTaskLogFiles: ActionHandler = (context) => {
  const taskId = requiredParam(context.params, 'DBClusterId');
  const window = timeWindowOf(context);
  checkEnum('LogType', requiredParam(context.params, 'LogType'), ['sls']);
  const page = pageOf(context, 100);
  const task = requireTaskOfParent(context, taskId);

  const lines = trainingEvents(task, context.nowMs).filter((event) => inWindow(window, event.atMs));
  if (window.reverse) lines.reverse();
  const items = pageItems(lines, page).map((event) => ({
    LogTime: event.logTime,
    Message: event.message,
    Timestamp: event.timestamp,
  }));

  return {
    StartTime: window.startTime,
    EndTime: window.endTime,
    PageNumber: page.number,
    PageSize: page.size,
    ...(items.length > 0 && { PageRecordCount: items.length }),
    Items: { SlsLogItems: items },
  };
};
