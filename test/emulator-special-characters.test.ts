process.env.ALIBABA_CLOUD_ECS_METADATA_DISABLED = 'true';
process.env.ALIBABA_CLOUD_CLI_PROFILE_DISABLED = 'true';

import { DEMO_CLUSTER_ID, DEMO_TRAIN_DATASET_ID, startEmulator } from '../emulator';
import { rfc3986, sendV2, sendV3 } from '../emulator/testing/hand-signed';
import { callAction, failureOf, officialClient } from '../emulator/testing/official-client';
import type { RunningEmulator } from '../emulator';
import type { HandSignedRequest } from '../emulator/testing/hand-signed';

/** Everything an encoder can get wrong in one name: spaces, `!*'()~`, `#`, both quotes, `+`, `&`, `=`, `%`, CJK. */
const awkwardName = `微调 测试 !*'()~ #1 "q" +&=% 'x'`;
/** Text that must survive unchanged: an integer beyond 2^53, escapes and non-ASCII inside JSON. */
const awkwardParameter =
  '{"train_mode":"grpo", "seed": 123456789012345678901234567890, "note": "微调 测试 #1 !*\'()~ \\"q\\" \\u00e9 a+b"}';

const createParams = {
  DBClusterId: DEMO_CLUSTER_ID,
  ModelSource: 'public',
  ModelName: 'Qwen3-8B',
  KubeType: 'aitrain',
  DatasetPath: DEMO_TRAIN_DATASET_ID,
  RunningParameter: awkwardParameter,
  TaskName: awkwardName,
};
const listParams = { RelativeDBClusterId: DEMO_CLUSTER_ID, KubeType: 'aitrain', TaskName: awkwardName };

describe('special characters through the official client', () => {
  let emulator: RunningEmulator;

  beforeAll(async () => {
    emulator = await startEmulator();
  });

  afterAll(() => emulator.close());

  it.each([
    ['V3, parameters in the query', {}, {}],
    ['V3, parameters in a form body', {}, { paramsIn: 'body' as const }],
    ['V2, parameters in the query', { signatureAlgorithm: 'v2' as const }, {}],
    ['V2, parameters in a form body', { signatureAlgorithm: 'v2' as const }, { paramsIn: 'body' as const }],
  ])(
    'stores and returns TaskName and RunningParameter byte for byte (%s)',
    async (_case, clientOptions, callOptions) => {
      const client = officialClient(emulator.endpoint, clientOptions);
      const taskId = String((await callAction(client, 'CreateAIDBClusterTask', createParams, callOptions)).DBClusterId);

      const list = await callAction(client, 'DescribeAIDBClusterTasks', listParams, callOptions);
      const item = (list.Items as Record<string, unknown>[]).find((candidate) => candidate.DBNodeId === taskId);
      expect(item).toMatchObject({ DBNodeDescription: awkwardName, RunningTimes: awkwardParameter });
      const detail = await callAction(client, 'DescribeAIDBClusterTaskAttribute', { DBClusterId: taskId }, callOptions);
      expect(detail.DBClusterDescription).toBe(awkwardName);
      expect(detail.ExtraInfo).toContainEqual({ RunningParameter: awkwardParameter });

      const stored = emulator.tasks().find((task) => task.taskId === taskId);
      expect(stored).toMatchObject({ taskName: awkwardName, runningParameter: awkwardParameter });
      expect(emulator.requestLog({ action: 'CreateAIDBClusterTask' }).at(-1)?.params.TaskName).toBe(awkwardName);
    },
  );

  it('counts the TaskName limit in characters: 64 CJK characters pass, 65 do not', async () => {
    const client = officialClient(emulator.endpoint);
    await expect(
      callAction(client, 'CreateAIDBClusterTask', { ...createParams, TaskName: '微'.repeat(64) }),
    ).resolves.toHaveProperty('DBClusterId');
    expect(
      await failureOf(callAction(client, 'CreateAIDBClusterTask', { ...createParams, TaskName: '微'.repeat(65) })),
    ).toMatchObject({
      code: 'InvalidParameter',
    });
  });

  it('refuses an integer beyond 2^53 where a documented key needs a safe integer', async () => {
    const failure = await failureOf(
      callAction(officialClient(emulator.endpoint), 'CreateAIDBClusterTask', {
        ...createParams,
        RunningParameter: '{"train_mode":"grpo","num_epochs":9007199254740993}',
      }),
    );
    expect(failure).toMatchObject({ code: 'InvalidParameter' });
  });
});

describe('requests signed with the wrong percent-encoding', () => {
  let emulator: RunningEmulator;
  const params = { RelativeDBClusterId: DEMO_CLUSTER_ID, KubeType: 'aitrain', TaskName: 'night run (v1)*' };
  const send = (style: 'v3' | 'v2', changes: Partial<HandSignedRequest>) =>
    (style === 'v3' ? sendV3 : sendV2)({
      endpoint: emulator.endpoint,
      action: 'DescribeAIDBClusterTasks',
      params,
      ...changes,
    });

  beforeAll(async () => {
    emulator = await startEmulator();
  });

  afterAll(() => emulator.close());

  describe.each(['v3', 'v2'] as const)('%s', (style) => {
    it('accepts the correct encoding (the control case)', async () => {
      expect((await send(style, {})).status).toBe(200);
    });

    it("accepts `!'()*` left raw on the wire, as the client's URL leaves them, when the signature encodes them", async () => {
      const wireEncode = (text: string) => encodeURIComponent(text);
      expect((await send(style, { wireEncode })).status).toBe(200);
    });

    it.each([
      ['`(`, `)` and `*` signed unencoded', (text: string) => encodeURIComponent(text)],
      ['a space signed as `+`', (text: string) => rfc3986(text).replace(/%20/g, '+')],
      [
        'lower-case percent escapes',
        (text: string) => rfc3986(text).replace(/%[0-9A-F]{2}/g, (escape) => escape.toLowerCase()),
      ],
      ['`~` signed as `%7E`', (text: string) => rfc3986(text).replace(/~/g, '%7E')],
    ])('refuses %s with SignatureDoesNotMatch', async (_case, signEncode) => {
      const answer = await send(style, { signEncode, params: { ...params, TaskName: 'night run (v1)* ~x' } });
      expect(answer.status).toBe(400);
      expect(answer.body).toMatchObject({ Code: 'SignatureDoesNotMatch' });
    });

    it('refuses a space sent and signed as `+` (form style) with SignatureDoesNotMatch', async () => {
      const plus = (text: string) => rfc3986(text).replace(/%20/g, '+');
      const answer = await send(style, { signEncode: plus, wireEncode: plus });
      expect(answer.body).toMatchObject({ Code: 'SignatureDoesNotMatch' });
    });
  });
});
