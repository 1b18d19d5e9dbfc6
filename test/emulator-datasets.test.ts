process.env.ALIBABA_CLOUD_ECS_METADATA_DISABLED = 'true';
process.env.ALIBABA_CLOUD_CLI_PROFILE_DISABLED = 'true';

import {
  DEMO_CLUSTER_ID,
  DEMO_EVAL_DATASET_ID,
  DEMO_SFT_DATASET_ID,
  DEMO_TRAIN_DATASET_ID,
  startEmulator,
} from '../emulator';
import { demoCreateParams } from '../emulator/testing/demo-params';
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

describe('CreateAIDBClusterDataset and DeleteAIDBClusterDataset', () => {
  let clock = Date.now();
  let emulator: RunningEmulator;
  const call = (action: string, params: Record<string, string | undefined>) =>
    callAction(officialClient(emulator.endpoint), action, params);
  const createDataset = (changes: Record<string, string | undefined> = {}) =>
    call('CreateAIDBClusterDataset', {
      DBClusterId: DEMO_CLUSTER_ID,
      DatasetName: 'dataset01',
      DatasetType: 'train',
      TrainMode: 'sft',
      ImportMode: 'LocalImport',
      RegionId: 'cn-beijing',
      ...changes,
    });
  const deleteDataset = (params: Record<string, string | undefined>) => call('DeleteAIDBClusterDataset', params);

  beforeEach(async () => {
    clock = Date.now();
    emulator = await startEmulator({ now: () => clock, lifecycle: { creatingMs: 100, runningMs: 1_000 } });
  });

  afterEach(() => emulator.close());

  it('registers an empty dataset and answers its id, data service and folder', async () => {
    const created = await createDataset();
    expect(created).toEqual({
      RequestId: expect.stringMatching(/^[0-9A-F-]{36}$/),
      DBClusterId: DEMO_CLUSTER_ID,
      DataServiceId: 'pcs-2zedemo0000001',
      DatasetId: expect.stringMatching(/^pds-[a-z0-9]{14}$/),
      DatasetName: 'dataset01',
      Path: 'polardb_ai/datasets/train/sft/dataset01',
    });

    const listed = await call('DescribeAIDBClusterDatasets', {
      DBClusterId: DEMO_CLUSTER_ID,
      DatasetId: String(created.DatasetId),
    });
    expect(listed).toMatchObject({ DatasetType: 'train', DatasetMode: 'sft', Datasets: [], TotalCount: '0' });
    expect(emulator.requestLog({ action: 'CreateAIDBClusterDataset' })).toEqual([
      expect.objectContaining({
        outcome: 'ok',
        createdId: created.DatasetId,
        params: expect.objectContaining({ DatasetName: 'dataset01' }),
      }),
    ]);
  });

  it.each([
    ['no DatasetName', { DatasetName: undefined }, 'MissingParameter', 400],
    ['no DatasetType', { DatasetType: undefined }, 'MissingParameter', 400],
    ['no TrainMode', { TrainMode: undefined }, 'MissingParameter', 400],
    ['an eval set in sft mode', { DatasetType: 'eval' }, 'InvalidParameter', 400],
    ['a train set in text mode', { TrainMode: 'text' }, 'InvalidParameter', 400],
    ['ImportMode OssImport', { ImportMode: 'OssImport' }, 'InvalidParameter', 400],
    ['a name with a slash', { DatasetName: 'a/b' }, 'InvalidParameter', 400],
    ['the name of an existing dataset', { DatasetName: 'demo-grpo' }, 'InvalidParameter', 400],
    ['an unknown cluster', { DBClusterId: 'pc-2zenothere00001' }, 'InvalidDBClusterId.NotFound', 404],
  ])('refuses a create with %s', async (_case, changes, code, status) => {
    expect(await failureOf(createDataset(changes))).toMatchObject({ code, statusCode: status });
  });

  it('deletes a dataset once; afterwards it is InvalidDatasetId.NotFound (404)', async () => {
    const datasetId = String((await createDataset()).DatasetId);

    expect(await deleteDataset({ DatasetId: datasetId, DBClusterId: DEMO_CLUSTER_ID })).toEqual({
      RequestId: expect.any(String),
      DataServiceId: 'pcs-2zedemo0000001',
      DatasetId: datasetId,
    });
    expect(await failureOf(deleteDataset({ DatasetId: datasetId }))).toMatchObject({
      code: 'InvalidDatasetId.NotFound',
      statusCode: 404,
    });
    const listed = await call('DescribeAIDBClusterDatasets', { DBClusterId: DEMO_CLUSTER_ID });
    expect((listed.Datasets as Record<string, unknown>[]).map((item) => item.DatasetId)).not.toContain(datasetId);
  });

  it.each([
    ['no DatasetId', {}, 'MissingParameter', 400],
    [
      'an unknown cluster',
      { DatasetId: DEMO_SFT_DATASET_ID, DBClusterId: 'pc-2zenothere00001' },
      'InvalidDBClusterId.NotFound',
      404,
    ],
    ['another region', { DatasetId: DEMO_SFT_DATASET_ID, RegionId: 'cn-hangzhou' }, 'InvalidDatasetId.NotFound', 404],
  ])('refuses a delete with %s', async (_case, params: Record<string, string>, code, status) => {
    expect(await failureOf(deleteDataset(params))).toMatchObject({ code, statusCode: status });
  });

  it('refuses to delete a dataset a running task reads, and allows it once the task has finished', async () => {
    const sftTask = { ...demoCreateParams, DatasetPath: DEMO_SFT_DATASET_ID, RunningParameter: '{"train_mode":"sft"}' };
    await call('CreateAIDBClusterTask', sftTask);

    expect(await failureOf(deleteDataset({ DatasetId: DEMO_SFT_DATASET_ID }))).toMatchObject({
      code: 'OperationDenied.DatasetInUse',
      statusCode: 403,
    });
    clock += 2_000;
    await expect(deleteDataset({ DatasetId: DEMO_SFT_DATASET_ID })).resolves.toHaveProperty('DatasetId');
    expect(await failureOf(call('CreateAIDBClusterTask', sftTask))).toMatchObject({ code: 'InvalidParameter' });
  });
});
