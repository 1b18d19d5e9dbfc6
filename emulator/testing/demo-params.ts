import { DEMO_CLUSTER_ID, DEMO_TRAIN_DATASET_ID } from '../demo';

/** The smallest valid create on the demo cluster, for tests that need a task and do not care which. */
export const demoCreateParams = {
  DBClusterId: DEMO_CLUSTER_ID,
  ModelSource: 'public',
  ModelName: 'Qwen3-8B',
  KubeType: 'aitrain',
  DatasetPath: DEMO_TRAIN_DATASET_ID,
  RunningParameter: '{"train_mode":"grpo"}',
};

/** Lists the demo cluster's tuning tasks. */
export const demoListParams = { RelativeDBClusterId: DEMO_CLUSTER_ID, KubeType: 'aitrain' };
