import type { TaskRecord } from '../state/schema';

/** The RunningParameter values that other answers (list, detail) report back. */
export interface TaskSettings {
  trainMode?: string;
  trainType?: string;
  splitDatasetRatio?: number;
  /** `data_file_list` entries exactly as written, e.g. `test-00000-of-00001.jsonl#1000`. */
  dataFiles?: string[];
}

/**
 * Reads back the settings of a stored task. The text was validated at create time; a state file edited by hand
 * may not be, so unreadable text gives empty settings instead of a crash.
 */
export function taskSettings(task: TaskRecord): TaskSettings {
  let parsed: unknown;
  try {
    parsed = JSON.parse(task.runningParameter);
  } catch {
    return {};
  }
  if (typeof parsed !== 'object' || parsed === null) return {};

  const { train_mode, train_type, split_dataset_ratio, data_file_list } = parsed as Record<string, unknown>;
  return {
    ...(typeof train_mode === 'string' && { trainMode: train_mode }),
    ...(typeof train_type === 'string' && { trainType: train_type }),
    ...(typeof split_dataset_ratio === 'number' && { splitDatasetRatio: split_dataset_ratio }),
    ...(typeof data_file_list === 'string' && { dataFiles: data_file_list.split(',').map((item) => item.trim()) }),
  };
}

/**
 * Where a finished fine-tune leaves its checkpoints: the documented comma-separated list. Only tasks that trained
 * (RunningParameter has a train_mode) and completed produce one; an evaluation produces no model.
 */
export function modelPathOf(task: TaskRecord, completed: boolean): string | undefined {
  if (!completed || taskSettings(task).trainMode === undefined) return undefined;
  return [10, 5].map((step) => `/models_train/${task.id}/merged_models_checkpoint-${step}`).join(',');
}
