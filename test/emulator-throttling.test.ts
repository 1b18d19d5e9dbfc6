process.env.ALIBABA_CLOUD_ECS_METADATA_DISABLED = 'true';
process.env.ALIBABA_CLOUD_CLI_PROFILE_DISABLED = 'true';

import {
  DEFAULT_RATE_LIMIT,
  DEMO_ACCESS_KEY_ID,
  DEMO_ACCESS_KEY_SECRET,
  DEMO_CLUSTER_ID,
  EmulatorOptionsError,
  RateLimitError,
  startEmulator,
} from '../emulator';
import { sendV3 } from '../emulator/testing/hand-signed';
import { demoCreateParams } from '../emulator/testing/demo-params';
import { callAction, failureOf, officialClient } from '../emulator/testing/official-client';
import type { RunningEmulator } from '../emulator';

const otherKey = { id: 'LTAI5tSecondTenant01', secret: 'SecondTenantSecret0123456789abcd' };
const listParams = { RelativeDBClusterId: DEMO_CLUSTER_ID, KubeType: 'aitrain' };

describe('flow control', () => {
  let clock = Date.now();
  let emulator: RunningEmulator;

  const list = (accessKeyId = DEMO_ACCESS_KEY_ID, accessKeySecret = DEMO_ACCESS_KEY_SECRET) =>
    callAction(
      officialClient(emulator.endpoint, { accessKeyId, accessKeySecret }),
      'DescribeAIDBClusterTasks',
      listParams,
    );
  const listRaw = () =>
    sendV3({
      endpoint: emulator.endpoint,
      action: 'DescribeAIDBClusterTasks',
      params: listParams,
      date: new Date(clock),
    });
  const datasets = () =>
    callAction(officialClient(emulator.endpoint), 'DescribeAIDBClusterDatasets', { DBClusterId: DEMO_CLUSTER_ID });

  beforeEach(async () => {
    clock = Date.now();
    emulator = await startEmulator({
      now: () => clock,
      accessKeys: { [DEMO_ACCESS_KEY_ID]: DEMO_ACCESS_KEY_SECRET, [otherKey.id]: otherKey.secret },
    });
  });

  afterEach(() => emulator.close());

  it('answers Throttling.User (400) with x-acs-retry-after in ms once the burst is spent', async () => {
    emulator.setRateLimit('DescribeAIDBClusterTasks', { perSecond: 2, burst: 2 });
    await list();
    await list();

    const failure = await failureOf(list());
    expect(failure).toMatchObject({ code: 'Throttling.User', statusCode: 400 });
    expect(failure.data?.Message).toBe('Request was denied due to user flow control.');

    const raw = await listRaw();
    expect(raw.status).toBe(400);
    expect(raw.headers['x-acs-retry-after']).toBe('500');
    expect(raw.body).toMatchObject({ Code: 'Throttling.User', HostId: emulator.endpoint });
  });

  it('refills on the emulator clock', async () => {
    emulator.setRateLimit('*', { perSecond: 3, burst: 1 });
    await list();
    expect((await listRaw()).headers['x-acs-retry-after']).toBe('334');

    clock += 333;
    expect((await failureOf(list())).code).toBe('Throttling.User');
    clock += 1;
    await expect(list()).resolves.toHaveProperty('Items');
  });

  it('keeps one bucket per AccessKey and per action', async () => {
    emulator.setRateLimit('*', { perSecond: 1, burst: 1 });
    await list();
    expect((await failureOf(list())).code).toBe('Throttling.User');

    await expect(list(otherKey.id, otherKey.secret)).resolves.toHaveProperty('Items');
    await expect(datasets()).resolves.toHaveProperty('Datasets');
  });

  it('lets an action limit override "*", and null removes it again', async () => {
    emulator.setRateLimit('*', { perSecond: 1, burst: 1 });
    emulator.setRateLimit('DescribeAIDBClusterTasks', { perSecond: 1, burst: 3 });
    await list();
    await list();
    await list();
    expect((await failureOf(list())).code).toBe('Throttling.User');

    emulator.setRateLimit('DescribeAIDBClusterTasks', null);
    await list();
    expect((await failureOf(list())).code).toBe('Throttling.User');
  });

  it('performs nothing for a throttled create and logs the refusal', async () => {
    emulator.setRateLimit('CreateAIDBClusterTask', { perSecond: 1, burst: 1 });
    const create = (taskName: string) =>
      callAction(officialClient(emulator.endpoint), 'CreateAIDBClusterTask', {
        ...demoCreateParams,
        TaskName: taskName,
      });

    await create('first');
    expect((await failureOf(create('second'))).code).toBe('Throttling.User');
    expect(emulator.tasks().map((task) => task.taskName)).toEqual(['first']);
    expect(emulator.requestLog({ taskName: 'second' })).toEqual([
      expect.objectContaining({ outcome: 'Throttling.User', httpStatus: 400, accessKeyId: DEMO_ACCESS_KEY_ID }),
    ]);
  });

  it.each([
    ['a zero rate', '*', { perSecond: 0, burst: 1 }],
    ['a fractional burst', '*', { perSecond: 1, burst: 1.5 }],
    ['an unknown action', 'DescribeEverything', { perSecond: 1, burst: 1 }],
    ['removing "*"', '*', null],
  ])('refuses %s', (_case, action, limit) => {
    expect(() => emulator.setRateLimit(action as never, limit)).toThrow(RateLimitError);
  });

  it('is set over /__emulator/rate-limits', async () => {
    const route = `http://${emulator.endpoint}/__emulator/rate-limits`;
    const post = (body: unknown) =>
      fetch(route, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

    const set = await post({ action: 'DescribeAIDBClusterTasks', perSecond: 1, burst: 1 });
    expect(set.status).toBe(200);
    expect(await set.json()).toEqual({
      rateLimits: { '*': DEFAULT_RATE_LIMIT, DescribeAIDBClusterTasks: { perSecond: 1, burst: 1 } },
    });
    await list();
    expect((await failureOf(list())).code).toBe('Throttling.User');

    expect((await post({ perSecond: -1, burst: 1 })).status).toBe(400);
    const reset = await fetch(route, { method: 'DELETE' });
    expect(await reset.json()).toEqual({ rateLimits: { '*': DEFAULT_RATE_LIMIT } });
    await expect(list()).resolves.toHaveProperty('Items');
  });
});

describe('the rateLimit option', () => {
  it('sets the start-up limit for every action', async () => {
    const clock = Date.now();
    const emulator = await startEmulator({ now: () => clock, rateLimit: { perSecond: 1, burst: 1 } });
    try {
      const client = officialClient(emulator.endpoint);
      await callAction(client, 'DescribeAIDBClusterTasks', listParams);
      expect((await failureOf(callAction(client, 'DescribeAIDBClusterTasks', listParams))).code).toBe(
        'Throttling.User',
      );
    } finally {
      await emulator.close();
    }
  });

  it('refuses an unusable limit', async () => {
    await expect(startEmulator({ rateLimit: { perSecond: 1, burst: 0 } })).rejects.toBeInstanceOf(EmulatorOptionsError);
  });
});
