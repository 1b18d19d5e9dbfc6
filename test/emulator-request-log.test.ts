process.env.ALIBABA_CLOUD_ECS_METADATA_DISABLED = 'true';
process.env.ALIBABA_CLOUD_CLI_PROFILE_DISABLED = 'true';

import { DEMO_ACCESS_KEY_ID, DEMO_CLUSTER_ID, DEMO_TRAIN_DATASET_ID, startEmulator } from '../emulator';
import { callAction, failureOf, officialClient } from '../emulator/testing/official-client';
import type { RequestLogEntry, RunningEmulator } from '../emulator';

const createParams = {
  DBClusterId: DEMO_CLUSTER_ID,
  ModelSource: 'public',
  ModelName: 'Qwen3-8B',
  KubeType: 'aitrain',
  DatasetPath: DEMO_TRAIN_DATASET_ID,
  RunningParameter: '{"train_mode":"grpo","secret_looking_key":"do-not-log-me"}',
};

function countBy(entries: RequestLogEntry[], key: (entry: RequestLogEntry) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const entry of entries) counts[key(entry)] = (counts[key(entry)] ?? 0) + 1;
  return counts;
}

describe('the request log', () => {
  let emulator: RunningEmulator;
  const responses: Record<string, unknown>[] = [];

  beforeAll(async () => {
    emulator = await startEmulator();
    const client = officialClient(emulator.endpoint);
    const v2 = officialClient(emulator.endpoint, { signatureAlgorithm: 'v2' });
    const create = (taskName: string, over = client) =>
      callAction(over, 'CreateAIDBClusterTask', { ...createParams, TaskName: taskName });

    responses.push(await create('nightly-a'), await create('nightly-a', v2), await create('nightly-b'));
    await failureOf(create('x'.repeat(65)));
    for (let i = 0; i < 3; i += 1) {
      await callAction(client, 'DescribeAIDBClusterTasks', { RelativeDBClusterId: DEMO_CLUSTER_ID });
    }
  });

  afterAll(() => emulator.close());

  it('counts API calls per action', () => {
    expect(countBy(emulator.requestLog(), (entry) => entry.action)).toEqual({
      CreateAIDBClusterTask: 4,
      DescribeAIDBClusterTasks: 3,
    });
  });

  it('counts tasks created per TaskName, refused creates apart', () => {
    const created = emulator.requestLog({ action: 'CreateAIDBClusterTask', outcome: 'ok' });
    expect(countBy(created, (entry) => entry.params.TaskName ?? '')).toEqual({ 'nightly-a': 2, 'nightly-b': 1 });
    expect(created.map((entry) => entry.createdId)).toEqual(responses.map((response) => response.DBClusterId));
    expect(emulator.requestLog({ outcome: 'InvalidParameter' })).toHaveLength(1);
  });

  it('ties each entry to its answer, signer and signature style', () => {
    const [first, second] = emulator.requestLog({ taskName: 'nightly-a' });
    expect(first).toMatchObject({
      requestId: responses[0]?.RequestId,
      accessKeyId: DEMO_ACCESS_KEY_ID,
      signatureVersion: 'v3',
      httpStatus: 200,
    });
    expect(second).toMatchObject({ requestId: responses[1]?.RequestId, signatureVersion: 'v2' });
  });

  it('never records RunningParameter or signing material', () => {
    const text = JSON.stringify(emulator.requestLog());
    for (const secretish of ['do-not-log-me', 'RunningParameter', 'Signature', 'SignatureNonce', 'AccessKeySecret']) {
      expect(text).not.toContain(secretish);
    }
  });

  it('is filtered over GET /__emulator/requests', async () => {
    const get = (query: string) => fetch(`http://${emulator.endpoint}/__emulator/requests?${query}`);

    const answer = await get('action=CreateAIDBClusterTask&taskName=nightly-a');
    const { requests } = (await answer.json()) as { requests: RequestLogEntry[] };
    expect(requests.map((entry) => entry.params.TaskName)).toEqual(['nightly-a', 'nightly-a']);
    expect(((await (await get('outcome=ok')).json()) as { requests: unknown[] }).requests).toHaveLength(6);
    expect((await get('acton=CreateAIDBClusterTask')).status).toBe(400);
  });
});
