import { trainingEvents } from '../tasks/training-events';
import { requireTaskOfParent } from './lookup';
import { pageItems, pageOf } from './paging';
import { optionalEnum, requiredParam } from './params';
import { inWindow, timeWindowOf } from './time-window';

import type { ActionHandler } from './types';

/**
 * DescribeAIDBClusterTaskMetrics (§6): the task's metric points in the window, filtered by `MetricType`
 * (`all`, `train`, `eval`) and paged like the log lines. Steps and epochs are JSON numbers, `Timestamp` a string
 * of UNIX seconds, `Metric` a map of strings; the parent is echoed as `RelativeDbClusterId` (lower-case "b"), as
 * documented.
 */
export const describeTaskMetrics: ActionHandler = (context) => {
  const taskId = requiredParam(context.params, 'DBClusterId');
  const window = timeWindowOf(context);
  const metricType = optionalEnum(context.params, 'MetricType', ['all', 'train', 'eval']) ?? 'all';
  const page = pageOf(context, 100);
  const task = requireTaskOfParent(context, taskId);

  const points = trainingEvents(task, context.nowMs).flatMap((event) =>
    event.metric && inWindow(window, event.atMs) && (metricType === 'all' || event.metric.type === metricType)
      ? [{ event, metric: event.metric }]
      : [],
  );
  if (window.reverse) points.reverse();
  const items = pageItems(points, page).map(({ event, metric }) => ({
    CurrentStep: metric.step,
    GlobalStep: metric.totalSteps,
    Epoch: metric.epoch,
    LogTime: event.logTime,
    MetricType: metric.type,
    Timestamp: event.timestamp,
    Metric: metric.values,
  }));

  return {
    DBClusterId: task.id,
    RelativeDbClusterId: task.clusterId,
    MetricType: metricType,
    StartTime: window.startTime,
    EndTime: window.endTime,
    PageNumber: page.number,
    PageSize: page.size,
    PageRecordCount: items.length,
    Items: { SlsMetricsItems: items },
  };
};
