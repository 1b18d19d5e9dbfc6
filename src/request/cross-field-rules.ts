import type { CreateTaskParameters } from './parameters';
import type { RequestIssue } from './request-issue';
import type { DocumentedRunningParameterKey, RunningParameterValues } from './running-parameter-schema';

type Rule = (parameters: CreateTaskParameters, running: RunningParameterValues) => RequestIssue[];
type Condition = (parameters: CreateTaskParameters, running: RunningParameterValues) => boolean;

/** Refuses each given RunningParameter key of `keys` unless `applies` holds; `when` words the condition. */
function onlyWhen(keys: readonly DocumentedRunningParameterKey[], applies: Condition, when: string): Rule {
  return (parameters, running) =>
    applies(parameters, running)
      ? []
      : keys
          .filter((key) => running[key] !== undefined)
          .map((key) => ({ path: `RunningParameter.${key}`, message: `applies only when ${when}` }));
}

/** Fine-tuning (train_mode set) trains on DatasetPath, which spec §3 marks required for fine-tuning. */
const fineTuningNeedsDataset: Rule = ({ DatasetPath }, { train_mode }) =>
  train_mode !== undefined && DatasetPath === undefined
    ? [{ path: 'DatasetPath', message: `is required for fine-tuning (RunningParameter.train_mode is '${train_mode}')` }]
    : [];

/** Without train_mode the task evaluates a model, which reads EvalDatasetPath (spec §3: required for evaluation). */
const evaluationNeedsEvalDataset: Rule = ({ EvalDatasetPath }, { train_mode }) =>
  train_mode === undefined && EvalDatasetPath === undefined
    ? [{ path: 'EvalDatasetPath', message: 'is required for evaluation (RunningParameter has no train_mode)' }]
    : [];

/**
 * train_type says how weights are trained, so it means nothing for an evaluation; a request with train_type but no
 * train_mode most likely forgot train_mode, and would otherwise be sent as an evaluation.
 */
const trainTypeNeedsTrainMode = onlyWhen(
  ['train_type'],
  (_, { train_mode }) => train_mode !== undefined,
  'RunningParameter.train_mode is set (fine-tuning)',
);

/** lora_rank and lora_alpha shape LoRA adapters; with full-parameter training they would be ignored silently. */
const loraKeysNeedLora = onlyWhen(
  ['lora_rank', 'lora_alpha'],
  (_, { train_type }) => train_type === 'lora',
  "RunningParameter.train_type is 'lora'",
);

/**
 * These configure GRPO's sampling, rewards and rollout engine (spec §3 describes each in GRPO terms); under SFT they
 * would be ignored, which usually means train_mode is wrong. external_plugins is counted too: ms-swift can load
 * plugins for other purposes, but the spec documents it only as the source of reward functions.
 */
const grpoKeysNeedGrpo = onlyWhen(
  ['num_generations', 'reward_funcs', 'external_plugins', 'gpu_memory_utilization'],
  (_, { train_mode }) => train_mode === 'grpo',
  "RunningParameter.train_mode is 'grpo'",
);

/** data_file_list picks files inside the training dataset, so it needs DatasetPath. */
const fileListNeedsDataset = onlyWhen(
  ['data_file_list'],
  ({ DatasetPath }) => DatasetPath !== undefined,
  'DatasetPath is given',
);

/** Reward functions named `external_*` are defined in the plugin file, so they need external_plugins to load it. */
const externalRewardsNeedPlugin: Rule = (_, { reward_funcs, external_plugins }) => {
  const external = (reward_funcs ?? '').split(',').filter((name) => name.startsWith('external_'));
  return external.length > 0 && external_plugins === undefined
    ? [
        {
          path: 'RunningParameter.reward_funcs',
          message: `names ${external.join(', ')}, which needs RunningParameter.external_plugins`,
        },
      ]
    : [];
};

const rules: readonly Rule[] = [
  fineTuningNeedsDataset,
  evaluationNeedsEvalDataset,
  trainTypeNeedsTrainMode,
  loraKeysNeedLora,
  grpoKeysNeedGrpo,
  fileListNeedsDataset,
  externalRewardsNeedPlugin,
];

/**
 * Rules that tie parameters together, run once every parameter is valid on its own (a rule over a malformed value
 * would only repeat the first complaint). Each rule is documented where it is defined; in short:
 * - train_mode set (fine-tuning) requires DatasetPath; no train_mode (evaluation) requires EvalDatasetPath;
 * - train_type requires train_mode; lora_rank and lora_alpha require train_type 'lora';
 * - num_generations, reward_funcs, external_plugins and gpu_memory_utilization require train_mode 'grpo';
 * - data_file_list requires DatasetPath; reward_funcs naming `external_*` functions requires external_plugins.
 * Every rule's issues are reported, in the order above.
 */
export function crossFieldIssues(parameters: CreateTaskParameters, running: RunningParameterValues): RequestIssue[] {
  return rules.flatMap((rule) => rule(parameters, running));
}
