process.env.ALIBABA_CLOUD_ECS_METADATA_DISABLED = 'true';
process.env.ALIBABA_CLOUD_CLI_PROFILE_DISABLED = 'true';

import {
  DEMO_CLUSTER_ID,
  DEMO_EVAL_DATASET_ID,
  DEMO_SFT_DATASET_ID,
  DEMO_TRAIN_DATASET_ID,
  startEmulator,
} from '../emulator';
import { callAction, failureOf, officialClient } from '../emulator/testing/official-client';
import type { RunningEmulator } from '../emulator';

describe('DescribeAIDBClusterDatasets', () => {
  let emulator: RunningEmulator;
  const describeDatasets = (params: Record<string, string>) =>
    callAction(officialClient(emulator.endpoint), 'DescribeAIDBClusterDatasets', params);
  const fileNames = (body: Record<string, unknown>) =>
    (body.Datasets as Record<string, unknown>[]).map((item) => item.FileName);

  beforeAll(async () => {
    emulator = await startEmulator();
  });

  afterAll(() => emulator.close());

  it('lists one item per file with numbers as strings', async () => {
    const body = await describeDatasets({ DBClusterId: DEMO_CLUSTER_ID, DatasetId: DEMO_TRAIN_DATASET_ID });

    expect(body).toMatchObject({
      RelativeDBClusterId: DEMO_CLUSTER_ID,
      DataServiceId: expect.stringMatching(/^pcs-/),
      DatasetId: DEMO_TRAIN_DATASET_ID,
      DatasetType: 'train',
      DatasetMode: 'grpo',
      FileCount: '1',
      TotalCount: '1',
      TotalRecords: '1000',
      PageNumber: '1',
      PageSize: '30',
      IsTruncated: false,
    });
    expect(body.Datasets).toEqual([
      {
        DatasetId: DEMO_TRAIN_DATASET_ID,
        DatasetType: 'train',
        TrainMode: 'grpo',
        FileName: 'test-00000-of-00001.jsonl',
        Path: 'polardb_ai/datasets/train/grpo/demo-grpo/test-00000-of-00001.jsonl',
        Capacity: expect.stringMatching(/^\d+$/),
        BucketName: expect.any(String),
        StorageType: 'Standard',
        CreationTime: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/),
        LastModified: expect.any(String),
      },
    ]);
  });

  it('filters by type and train mode', async () => {
    expect(fileNames(await describeDatasets({ DBClusterId: DEMO_CLUSTER_ID }))).toHaveLength(3);
    expect(fileNames(await describeDatasets({ DBClusterId: DEMO_CLUSTER_ID, DatasetType: 'eval' }))).toEqual([
      'eval-00000-of-00001.jsonl',
    ]);
    const sft = await describeDatasets({ DBClusterId: DEMO_CLUSTER_ID, DatasetType: 'train', TrainMode: 'sft' });
    expect((sft.Datasets as Record<string, unknown>[]).map((item) => item.DatasetId)).toEqual([DEMO_SFT_DATASET_ID]);
    const text = await describeDatasets({ DBClusterId: DEMO_CLUSTER_ID, DatasetId: DEMO_EVAL_DATASET_ID });
    expect(text).toMatchObject({ DatasetType: 'eval', DatasetMode: 'text' });
  });

  it('returns no files for an unknown DatasetId', async () => {
    const body = await describeDatasets({ DBClusterId: DEMO_CLUSTER_ID, DatasetId: 'pds-2zenothere00001' });
    expect(body).toMatchObject({ Datasets: [], FileCount: '0', TotalCount: '0' });
  });

  it('pages by PageNumber', async () => {
    const body = await describeDatasets({ DBClusterId: DEMO_CLUSTER_ID, PageNumber: '2', PageSize: '30' });
    expect(body).toMatchObject({ Datasets: [], FileCount: '0', TotalCount: '3', IsTruncated: false });
  });

  it.each([
    ['no DBClusterId', {}, 'MissingParameter', 400],
    ['an unknown cluster', { DBClusterId: 'pc-2zenothere00001' }, 'InvalidDBClusterId.NotFound', 404],
    ['an unknown DatasetType', { DBClusterId: DEMO_CLUSTER_ID, DatasetType: 'test' }, 'InvalidParameter', 400],
    ['a PageSize of 10', { DBClusterId: DEMO_CLUSTER_ID, PageSize: '10' }, 'InvalidPageSize.Malformed', 400],
  ])('refuses %s', async (_case, params: Record<string, string>, code, status) => {
    expect(await failureOf(describeDatasets(params))).toMatchObject({ code, statusCode: status });
  });
});
