import { parseDataFileList } from '../actions/running-parameter';

import type { TaskRecord } from '../state/schema';

/** How a task's run is laid out in steps; everything the log and metric stories are computed from. */
export interface TrainingPlan {
  /** A fine-tune (RunningParameter has train_mode) trains; anything else evaluates. */
  kind: 'train' | 'eval';
  trainMode?: string;
  trainType?: string;
  epochs: number;
  /** `GlobalStep` of every metric point. */
  totalSteps: number;
  stepsPerEpoch: number;
  /** A training point (and log line) every this many steps, and at the last step. */
  loggingSteps: number;
  /** A fine-tune with a validation split is evaluated at the end of every epoch. */
  evaluatesEachEpoch: boolean;
  learningRate: string;
}

/** Samples assumed for a data file given without `#N`; the emulator never reads the files. */
const defaultSamplesPerFile = 1000;
/** Caps that keep a story short enough to page through: at most 50 steps an epoch, 10 epochs. */
const maxStepsPerEpoch = 50;
const maxEpochs = 10;
/** About this many training points per run, whatever its length. */
const pointsPerRun = 20;

function positiveInteger(value: unknown, fallback: number): number {
  return Number.isSafeInteger(value) && (value as number) > 0 ? (value as number) : fallback;
}

function settingsOf(task: TaskRecord): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(task.runningParameter);
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

function samplesOf(dataFileList: unknown): number {
  if (typeof dataFileList !== 'string') return defaultSamplesPerFile;
  try {
    return parseDataFileList(dataFileList).reduce((sum, entry) => sum + (entry.samples ?? defaultSamplesPerFile), 0);
  } catch {
    return defaultSamplesPerFile;
  }
}

/**
 * Lays out a task's run from its RunningParameter alone (never from a dataset, which may be deleted later), so
 * the same task always tells the same story: steps per epoch = samples left after the validation split divided
 * by the batch size, capped.
 */
export function trainingPlan(task: TaskRecord): TrainingPlan {
  const settings = settingsOf(task);
  const trainMode = typeof settings.train_mode === 'string' ? settings.train_mode : undefined;
  const kind = trainMode === undefined ? 'eval' : 'train';
  const split = typeof settings.split_dataset_ratio === 'number' ? settings.split_dataset_ratio : 0;
  const batch = positiveInteger(kind === 'train' ? settings.batch_size : settings.eval_batch_size, 2);
  const epochs = kind === 'train' ? Math.min(positiveInteger(settings.num_epochs, 1), maxEpochs) : 1;
  const samples = samplesOf(settings.data_file_list) * (kind === 'train' ? 1 - split : 1);
  const stepsPerEpoch = Math.min(Math.max(1, Math.ceil(samples / batch)), maxStepsPerEpoch);
  const totalSteps = stepsPerEpoch * epochs;

  return {
    kind,
    ...(trainMode !== undefined && { trainMode }),
    ...(typeof settings.train_type === 'string' && { trainType: settings.train_type }),
    epochs,
    totalSteps,
    stepsPerEpoch,
    loggingSteps: Math.max(1, Math.ceil(totalSteps / pointsPerRun)),
    evaluatesEachEpoch: kind === 'train' && split > 0,
    learningRate: typeof settings.learning_rate === 'string' ? settings.learning_rate : '1e-05',
  };
}
