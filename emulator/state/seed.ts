import { DEMO_CLUSTER_ID, DEMO_EVAL_DATASET_ID, DEMO_SFT_DATASET_ID, DEMO_TRAIN_DATASET_ID } from '../demo';

import type { EmulatorState } from './schema';

/** The state of a brand-new emulator: the demo cluster and its three datasets, no tasks. */
export function seedState(nowMs: number): EmulatorState {
  return {
    version: 1,
    clusters: [
      {
        id: DEMO_CLUSTER_ID,
        regionId: 'cn-beijing',
        zoneId: 'cn-beijing-i',
        vpcId: 'vpc-2zedemo00000000000001',
        vSwitchId: 'vsw-2zedemo00000000000001',
        dataServiceId: 'pcs-2zedemo0000001',
        bucketName: 'polardb-ai-emulator',
        status: 'Running',
        createdAt: nowMs,
      },
    ],
    datasets: [
      {
        id: DEMO_TRAIN_DATASET_ID,
        clusterId: DEMO_CLUSTER_ID,
        name: 'demo-grpo',
        type: 'train',
        trainMode: 'grpo',
        createdAt: nowMs,
        files: [{ name: 'test-00000-of-00001.jsonl', capacityBytes: 1_843_200, records: 1000 }],
      },
      {
        id: DEMO_SFT_DATASET_ID,
        clusterId: DEMO_CLUSTER_ID,
        name: 'demo-sft',
        type: 'train',
        trainMode: 'sft',
        createdAt: nowMs,
        files: [{ name: 'train-00000-of-00001.jsonl', capacityBytes: 2_457_600, records: 2000 }],
      },
      {
        id: DEMO_EVAL_DATASET_ID,
        clusterId: DEMO_CLUSTER_ID,
        name: 'demo-eval',
        type: 'eval',
        trainMode: 'text',
        createdAt: nowMs,
        files: [{ name: 'eval-00000-of-00001.jsonl', capacityBytes: 409_600, records: 200 }],
      },
    ],
    tasks: [],
    nonces: [],
    stsTokens: [],
  };
}
