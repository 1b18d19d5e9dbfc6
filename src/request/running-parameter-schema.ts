import { z } from 'zod';

import { parseDataFileList } from './data-file-list';
import { mustBe } from './values';

/**
 * The documented RunningParameter keys that hold counts. Besides the value, their JSON text must be a plain integer:
 * `JSON.parse` reads `2.0` and `2e0` as 2, but a Python server (the keys mirror ms-swift's) reads them as floats, which
 * a trainer may refuse hours into a run.
 */
export const integerKeys = [
  'num_epochs',
  'batch_size',
  'eval_batch_size',
  'num_generations',
  'lora_rank',
  'lora_alpha',
] as const;

/** Counts: JSON numbers only, so "2" or "" never stand in for 2 or 0, and at most 2^53 - 1 so they survive parsing. */
function positiveInteger() {
  const reason = mustBe('a positive integer (a JSON number, not a string)');
  return z
    .number({ error: reason })
    .refine((value) => Number.isSafeInteger(value) && value > 0, { error: reason })
    .optional();
}

/** A JSON number within bounds; strings and booleans are refused, never converted. */
function numberIn(range: string, inRange: (value: number) => boolean) {
  const reason = mustBe(`a number with ${range}`);
  return z.number({ error: reason }).refine(inRange, { error: reason }).optional();
}

/** A decimal or scientific literal such as `1e-6`, `0.0001` or `2E-5`, the forms a Python float() reads. */
const decimalPattern = /^(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$/;

/**
 * learning_rate: the documented example sends a string ("1e-6"), so a string is what we accept. A JSON number is
 * refused rather than converted: the server is only known to accept the string form, and converting would change
 * the text the caller wrote (1e-6 would be sent as 0.000001).
 */
function learningRate() {
  const reason = mustBe('a string holding a positive decimal number, such as "1e-6"');
  const isPositiveDecimal = (text: string) => decimalPattern.test(text) && Number(text) > 0 && Number(text) < Infinity;
  return z.string({ error: reason }).refine(isPositiveDecimal, { error: reason }).optional();
}

const dataFileList = z
  .string({ error: mustBe("a string of comma-separated file names, each optionally suffixed '#N'") })
  .superRefine((text, context) => {
    const parsed = parseDataFileList(text);
    if ('reason' in parsed) context.addIssue({ code: 'custom', message: parsed.reason });
  })
  .optional();

/** A string matching `pattern`, refused with one phrasing whether the type or the format is wrong. */
function stringMatching(pattern: RegExp, expectation: string) {
  const reason = mustBe(expectation);
  return z.string({ error: reason }).regex(pattern, { error: reason }).optional();
}

/**
 * The documented RunningParameter keys (spec §3), each type- and range-checked without coercion. Undocumented keys
 * pass through untouched: the API accepts settings the docs do not list, and the text we send is the caller's own.
 * Cross-key rules live in cross-field-rules.ts.
 */
export const runningParameterSchema = z.looseObject({
  train_mode: z.enum(['sft', 'grpo'], { error: mustBe("'sft' or 'grpo'") }).optional(),
  train_type: z.enum(['lora', 'full'], { error: mustBe("'lora' or 'full'") }).optional(),
  num_epochs: positiveInteger(),
  batch_size: positiveInteger(),
  eval_batch_size: positiveInteger(),
  num_generations: positiveInteger(),
  lora_rank: positiveInteger(),
  lora_alpha: positiveInteger(),
  learning_rate: learningRate(),
  data_file_list: dataFileList,
  split_dataset_ratio: numberIn('0 <= x < 1', (value) => value >= 0 && value < 1),
  gpu_memory_utilization: numberIn('0 < x <= 1', (value) => value > 0 && value <= 1),
  external_plugins: stringMatching(/\S/, 'a non-empty string'),
  // Names as ms-swift takes them: comma-separated, no empty entries, no spaces.
  reward_funcs: stringMatching(
    /^[^,\s]+(?:,[^,\s]+)*$/,
    'a string of comma-separated reward function names without spaces',
  ),
});

/** RunningParameter as a caller writes it in code: the documented keys typed, any other key allowed. */
export type RunningParameterInput = z.input<typeof runningParameterSchema>;

/** The RunningParameter keys the spec documents, which are the only ones we check. */
export type DocumentedRunningParameterKey = keyof typeof runningParameterSchema.shape;

/** The documented keys by name, for telling a misspelt documented key from an undocumented one. */
export const documentedKeys: readonly DocumentedRunningParameterKey[] = runningParameterSchema.keyof().options;

/** RunningParameter after validation: documented keys known to be well-typed, other keys as parsed. */
export type RunningParameterValues = z.output<typeof runningParameterSchema>;
