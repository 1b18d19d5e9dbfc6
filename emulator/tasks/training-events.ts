import { isoNanos, unixSeconds } from '../time';
import { scheduleOf, taskTimeline } from './lifecycle';
import { modelPathOf } from './settings';
import { trainingPlan } from './training-plan';
import { epochAt, evalValues, noise, trainValues } from './training-values';

import type { TaskRecord } from '../state/schema';
import type { TrainingPlan } from './training-plan';

/** One metric point (an `SlsMetricsItems` entry before rendering). */
export interface MetricPoint {
  type: 'train' | 'eval';
  step: number;
  totalSteps: number;
  epoch: number;
  values: Record<string, string>;
}

/** Something the task reported: a log line, possibly carrying a metric point. */
export interface TrainingEvent {
  atMs: number;
  message: string;
  metric?: MetricPoint;
  /** Position in the task's whole story; keeps `LogTime` strictly increasing within one millisecond. */
  seq: number;
  /** Nanosecond `LogTime` and UNIX-seconds `Timestamp`, as the items carry them. */
  logTime: string;
  timestamp: string;
}

type Draft = Omit<TrainingEvent, 'seq' | 'logTime' | 'timestamp'>;

function creationEvents(task: TaskRecord, plan: TrainingPlan): Draft[] {
  const what = plan.kind === 'train' ? `fine-tune (${plan.trainMode ?? ''})` : 'evaluation';
  return [
    {
      atMs: task.createdAt,
      message: `Task ${task.id} submitted: ${what} of ${task.modelSource} model ${task.modelName}.`,
    },
    { atMs: task.createdAt, message: `Waiting for ${task.kubeType} resources on cluster ${task.clusterId}.` },
  ];
}

function stepEvents(task: TaskRecord, plan: TrainingPlan, atMs: number, step: number): Draft[] {
  const epoch = epochAt(plan, step);
  const point = (type: MetricPoint['type'], values: Record<string, string>): MetricPoint => ({
    type,
    step,
    totalSteps: plan.totalSteps,
    epoch,
    values,
  });
  const pairs = (values: Record<string, string>): string =>
    Object.entries(values)
      .map(([key, value]) => `${key}=${value}`)
      .join(' ');
  const events: Draft[] = [];

  if (plan.kind === 'train' && (step % plan.loggingSteps === 0 || step === plan.totalSteps)) {
    const values = trainValues(task.id, plan, step);
    events.push({
      atMs,
      message: `Step ${step}/${plan.totalSteps} epoch=${epoch} ${pairs(values)}`,
      metric: point('train', values),
    });
  }
  const epochEnd = plan.evaluatesEachEpoch && step % plan.stepsPerEpoch === 0;
  if (epochEnd || (plan.kind === 'eval' && (step % plan.loggingSteps === 0 || step === plan.totalSteps))) {
    const values = evalValues(task.id, plan, step);
    events.push({ atMs, message: `Eval ${step}/${plan.totalSteps} ${pairs(values)}`, metric: point('eval', values) });
  }
  return events;
}

/**
 * Steps 1 … total−1 are spread over the planned running time; the last step belongs to the end, which a hang
 * may postpone, so steps already reported never move.
 */
function runningEvents(task: TaskRecord, plan: TrainingPlan, startsAt: number): Draft[] {
  const verb = plan.kind === 'train' ? 'Training' : 'Evaluation';
  const settings = [
    ...(plan.trainMode === undefined ? [] : [` train_mode=${plan.trainMode}`]),
    ...(plan.trainType === undefined ? [] : [` train_type=${plan.trainType}`]),
  ].join('');
  const events: Draft[] = [
    { atMs: startsAt, message: `${verb} started:${settings} epochs=${plan.epochs} max_steps=${plan.totalSteps}` },
  ];
  for (let step = 1; step < plan.totalSteps; step += 1) {
    events.push(...stepEvents(task, plan, startsAt + Math.floor((task.runningMs * step) / plan.totalSteps), step));
  }
  return events;
}

function endEvents(task: TaskRecord, plan: TrainingPlan, endsAt: number): Draft[] {
  if (task.failReason !== undefined) {
    return [
      { atMs: endsAt, message: `ERROR ${task.failReason}` },
      { atMs: endsAt, message: `Task ${task.id} failed: ${task.failReason}` },
    ];
  }

  const saved = (modelPathOf(task, true) ?? '').split(',').filter((path) => path !== '');
  return [
    ...stepEvents(task, plan, endsAt, plan.totalSteps),
    ...saved.reverse().map((path) => ({ atMs: endsAt, message: `Saving checkpoint to ${path}` })),
    { atMs: endsAt, message: `${plan.kind === 'train' ? 'Training' : 'Evaluation'} completed.` },
  ];
}

/**
 * What a task has reported by `nowMs`, oldest first: computed from its record and the clock alone (no timers,
 * nothing stored), so a restarted emulator, or a second request, gets exactly the same lines and points. A failed
 * task's last lines carry its failure reason.
 */
export function trainingEvents(task: TaskRecord, nowMs: number): TrainingEvent[] {
  const plan = trainingPlan(task);
  const timeline = taskTimeline(task, nowMs);
  const { startsAt, endsAt } = scheduleOf(task);
  const drafts = creationEvents(task, plan);
  if (timeline.phase !== 'creating') drafts.push(...runningEvents(task, plan, startsAt));
  if (timeline.phase === 'completed' || timeline.phase === 'failed') drafts.push(...endEvents(task, plan, endsAt));

  const base = Math.floor(noise(`${task.id}:nanos`) * 900_000);
  return drafts
    .map((draft, seq) => ({
      ...draft,
      seq,
      logTime: isoNanos(draft.atMs, base + seq),
      timestamp: unixSeconds(draft.atMs),
    }))
    .filter((event) => event.atMs <= nowMs);
}
