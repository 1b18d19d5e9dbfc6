import { invalidParameter } from '../errors/api-error';

/** One `data_file_list` entry: a file of the dataset, optionally limited to `samples` records (`name#N`). */
export interface DataFileEntry {
  file: string;
  samples?: number;
}

/** The documented RunningParameter keys the emulator checks; any other key passes through untouched. */
export interface RunningParameter {
  train_mode?: 'sft' | 'grpo';
  train_type?: 'lora' | 'full';
  split_dataset_ratio?: number;
  data_file_list?: DataFileEntry[];
  [key: string]: unknown;
}

const positiveIntegerKeys = [
  'num_epochs',
  'batch_size',
  'eval_batch_size',
  'num_generations',
  'lora_rank',
  'lora_alpha',
];
const stringKeys = ['external_plugins', 'reward_funcs'];

function refuse(reason: string): never {
  throw invalidParameter('RunningParameter', reason);
}

/** Parses `a.jsonl#1000,b.jsonl` into entries; refuses empty names and non-positive sample counts. */
export function parseDataFileList(text: string): DataFileEntry[] {
  return text.split(',').map((item) => {
    const match = /^([^#]+)(?:#(\d+))?$/.exec(item.trim());
    const file = match?.[1];
    const samples = match?.[2] === undefined ? undefined : Number(match[2]);
    if (file === undefined || samples === 0) refuse(`data_file_list entry "${item}" is not "<file>[#<samples>]".`);
    return samples === undefined ? { file } : { file, samples };
  });
}

function checkEnumKey(settings: Record<string, unknown>, key: string, allowed: readonly string[]): void {
  const value = settings[key];
  if (value !== undefined && (typeof value !== 'string' || !allowed.includes(value))) {
    refuse(`${key} must be one of ${allowed.join(', ')}.`);
  }
}

function checkRatio(settings: Record<string, unknown>, key: string, accepts: (value: number) => boolean): void {
  const value = settings[key];
  if (value !== undefined && (typeof value !== 'number' || !accepts(value))) refuse(`${key} is out of range.`);
}

/**
 * Parses the RunningParameter JSON text and checks the types and obvious ranges of the documented keys
 * (spec §3). The documented example passes `learning_rate` as a string, so a JSON number is refused: the
 * emulator takes the stricter reading where the real service's tolerance is unknown.
 */
export function parseRunningParameter(text: string): RunningParameter {
  let settings: unknown;
  try {
    settings = JSON.parse(text);
  } catch {
    refuse('it is not valid JSON.');
  }
  if (typeof settings !== 'object' || settings === null || Array.isArray(settings)) refuse('it is not a JSON object.');
  const object = settings as Record<string, unknown>;

  checkEnumKey(object, 'train_mode', ['sft', 'grpo']);
  checkEnumKey(object, 'train_type', ['lora', 'full']);
  for (const key of positiveIntegerKeys) {
    const value = object[key];
    if (value !== undefined && !(Number.isSafeInteger(value) && (value as number) > 0)) {
      refuse(`${key} must be a positive integer.`);
    }
  }
  for (const key of stringKeys) {
    if (object[key] !== undefined && typeof object[key] !== 'string') refuse(`${key} must be a string.`);
  }
  const rate = object.learning_rate;
  if (rate !== undefined && !(typeof rate === 'string' && Number(rate) > 0 && Number.isFinite(Number(rate)))) {
    refuse('learning_rate must be a string holding a positive number, e.g. "1e-6".');
  }
  checkRatio(object, 'split_dataset_ratio', (value) => value >= 0 && value < 1);
  checkRatio(object, 'gpu_memory_utilization', (value) => value > 0 && value <= 1);

  const fileList = object.data_file_list;
  if (fileList !== undefined && typeof fileList !== 'string') refuse('data_file_list must be a string.');

  return { ...object, data_file_list: fileList === undefined ? undefined : parseDataFileList(fileList) };
}
