import { createHash } from 'node:crypto';

import type { TrainingPlan } from './training-plan';

/**
 * A number in [0, 1) fixed by `key`: the emulator's "noise". Hashing instead of a random generator keeps every
 * value reproducible across requests and restarts.
 */
export function noise(key: string): number {
  return createHash('sha256').update(key).digest().readUInt32BE(0) / 2 ** 32;
}

/** `Metric` map values are strings in the documented example; four decimals like a trainer's log. */
function fixed(value: number, digits = 4): string {
  return value.toFixed(digits);
}

/** Training metrics at `step`: a loss that falls from about 2.2 towards 0.35, with a little per-step noise. */
export function trainValues(taskId: string, plan: TrainingPlan, step: number): Record<string, string> {
  const progress = step / plan.totalSteps;
  const jitter = noise(`${taskId}:${step}:train`) - 0.5;
  return {
    loss: fixed(0.35 + 1.85 * Math.exp(-3 * progress) + jitter * 0.06),
    grad_norm: fixed(0.4 + 2.2 * Math.exp(-4 * progress) + jitter * 0.2),
    learning_rate: plan.learningRate,
    'memory(GiB)': fixed(28 + noise(`${taskId}:memory`) * 8, 2),
    'train_speed(iter/s)': fixed(0.18 + noise(`${taskId}:${step}:speed`) * 0.05, 3),
    ...(plan.trainMode === 'grpo' && { reward: fixed(0.1 + 0.8 * (1 - Math.exp(-3 * progress)) + jitter * 0.05) }),
  };
}

/** Evaluation metrics at `step`: a validation loss slightly above the training loss and a rising accuracy. */
export function evalValues(taskId: string, plan: TrainingPlan, step: number): Record<string, string> {
  const progress = step / plan.totalSteps;
  const jitter = noise(`${taskId}:${step}:eval`) - 0.5;
  return {
    eval_loss: fixed(0.42 + 1.8 * Math.exp(-3 * progress) + jitter * 0.04),
    eval_token_acc: fixed(0.55 + 0.35 * (1 - Math.exp(-3 * progress)) + jitter * 0.02),
  };
}

/** `Epoch` of a point: the fractional epoch reached, two decimals as in the documented example (0.23). */
export function epochAt(plan: TrainingPlan, step: number): number {
  return Math.round(((plan.epochs * step) / plan.totalSteps) * 100) / 100;
}
