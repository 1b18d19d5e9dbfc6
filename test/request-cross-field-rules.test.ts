import example from '../examples/fine-tune-request.json';
import { validateCreateTaskRequest } from '../src/request';
import { requestIssuesOf as issuesOf } from './support/request-issues';

const cluster = { DBClusterId: 'pc-2zedemo0000001', ModelSource: 'public', ModelName: 'Qwen3-8B', KubeType: 'aitrain' };

describe('fine-tuning and evaluation datasets', () => {
  it('requires DatasetPath when train_mode is set', () => {
    const request = { ...cluster, RunningParameter: { train_mode: 'sft', train_type: 'full' } };

    expect(issuesOf(request)).toEqual([
      { path: 'DatasetPath', message: "is required for fine-tuning (RunningParameter.train_mode is 'sft')" },
    ]);
  });

  it('requires EvalDatasetPath when no train_mode is given, since the task is then an evaluation', () => {
    expect(issuesOf({ ...cluster, RunningParameter: { eval_batch_size: 2 } })).toEqual([
      { path: 'EvalDatasetPath', message: 'is required for evaluation (RunningParameter has no train_mode)' },
    ]);
  });

  it('accepts an evaluation with EvalDatasetPath, and a fine-tune that also names a validation set', () => {
    const evaluation = { ...cluster, EvalDatasetPath: 'pds-2zeeval000001', RunningParameter: '{}' };
    const fineTune = { ...structuredClone(example), EvalDatasetPath: 'pds-2zeeval000001' };

    expect(validateCreateTaskRequest(evaluation).runningParameter).toEqual({ dataFiles: [] });
    expect(validateCreateTaskRequest(fineTune).params.EvalDatasetPath).toBe('pds-2zeeval000001');
  });

  it('requires DatasetPath for data_file_list, which picks files inside it', () => {
    const request = {
      ...cluster,
      EvalDatasetPath: 'pds-2zeeval000001',
      RunningParameter: { data_file_list: 'a.jsonl' },
    };

    expect(issuesOf(request)).toEqual([
      { path: 'RunningParameter.data_file_list', message: 'applies only when DatasetPath is given' },
    ]);
  });

  it('reports both the missing DatasetPath and the file list that needs it', () => {
    const request: Record<string, unknown> = structuredClone(example);
    delete request.DatasetPath;

    expect(issuesOf(request)).toEqual([
      { path: 'DatasetPath', message: "is required for fine-tuning (RunningParameter.train_mode is 'grpo')" },
      { path: 'RunningParameter.data_file_list', message: 'applies only when DatasetPath is given' },
    ]);
  });
});

describe('training-kind keys', () => {
  const sft = { ...cluster, DatasetPath: 'pds-2zetrain000001' };

  it('refuses train_type without train_mode', () => {
    const request = { ...cluster, EvalDatasetPath: 'pds-2zeeval000001', RunningParameter: { train_type: 'lora' } };

    expect(issuesOf(request)).toEqual([
      {
        path: 'RunningParameter.train_type',
        message: 'applies only when RunningParameter.train_mode is set (fine-tuning)',
      },
    ]);
  });

  it.each([
    ['full', { train_mode: 'sft', train_type: 'full', lora_rank: 8, lora_alpha: 32 }],
    ['absent', { train_mode: 'sft', lora_rank: 8, lora_alpha: 32 }],
  ])('refuses LoRA keys when train_type is %s', (_, runningParameter) => {
    expect(issuesOf({ ...sft, RunningParameter: runningParameter })).toEqual([
      { path: 'RunningParameter.lora_rank', message: "applies only when RunningParameter.train_type is 'lora'" },
      { path: 'RunningParameter.lora_alpha', message: "applies only when RunningParameter.train_type is 'lora'" },
    ]);
  });

  it('refuses GRPO-only keys under SFT', () => {
    const runningParameter = {
      train_mode: 'sft',
      num_generations: 2,
      reward_funcs: 'format',
      external_plugins: '/plugin/train/plugin.py',
      gpu_memory_utilization: 0.4,
    };

    expect(issuesOf({ ...sft, RunningParameter: runningParameter })).toEqual(
      ['num_generations', 'reward_funcs', 'external_plugins', 'gpu_memory_utilization'].map((key) => ({
        path: `RunningParameter.${key}`,
        message: "applies only when RunningParameter.train_mode is 'grpo'",
      })),
    );
  });

  it('accepts SFT with LoRA keys and no GRPO keys', () => {
    const runningParameter = { train_mode: 'sft', train_type: 'lora', lora_rank: 8, num_epochs: 3 };

    expect(validateCreateTaskRequest({ ...sft, RunningParameter: runningParameter }).runningParameter).toEqual({
      trainMode: 'sft',
      trainType: 'lora',
      dataFiles: [],
    });
  });
});

describe('reward plugins', () => {
  const grpo = { ...cluster, DatasetPath: 'pds-2zetrain000001' };

  it('requires external_plugins for external_* reward functions', () => {
    const runningParameter = { train_mode: 'grpo', reward_funcs: 'format,external_countdown,external_len' };

    expect(issuesOf({ ...grpo, RunningParameter: runningParameter })).toEqual([
      {
        path: 'RunningParameter.reward_funcs',
        message: 'names external_countdown, external_len, which needs RunningParameter.external_plugins',
      },
    ]);
  });

  it('accepts built-in reward functions without a plugin', () => {
    expect(() =>
      validateCreateTaskRequest({ ...grpo, RunningParameter: { train_mode: 'grpo', reward_funcs: 'format,accuracy' } }),
    ).not.toThrow();
  });
});

it('runs the rules only once every value is valid on its own', () => {
  const request = { ...cluster, ModelName: '', RunningParameter: { train_mode: 'sft' } };

  expect(issuesOf(request)).toEqual([{ path: 'ModelName', message: 'must be a non-empty string, got the string ""' }]);
});
