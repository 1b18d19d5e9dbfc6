process.env.ALIBABA_CLOUD_ECS_METADATA_DISABLED = 'true';
process.env.ALIBABA_CLOUD_CLI_PROFILE_DISABLED = 'true';

import Util from '@alicloud/tea-util';

import { DEMO_ACCESS_KEY_ID, DEMO_CLUSTER_ID, startEmulator } from '../emulator';
import { callAction, failureOf, officialClient } from '../emulator/testing/official-client';
import type { RunningEmulator } from '../emulator';

const listParams = { RegionId: 'cn-beijing', RelativeDBClusterId: DEMO_CLUSTER_ID, KubeType: 'aitrain' };

describe('the emulator over HTTP with the official client', () => {
  let emulator: RunningEmulator;

  beforeAll(async () => {
    emulator = await startEmulator({
      port: 0,
      accessKeys: { [DEMO_ACCESS_KEY_ID]: 'EmulatorDemoSecret0123456789abcd' },
    });
  });

  afterAll(() => emulator.close());

  afterEach(() => {
    jest.restoreAllMocks();
  });

  it('answers a signed call with an upper-case UUID RequestId', async () => {
    const body = await callAction(officialClient(emulator.endpoint), 'DescribeAIDBClusterTasks', listParams);
    expect(body).toMatchObject({ RelativeDBClusterId: DEMO_CLUSTER_ID, Items: [] });
    expect(body.RequestId).toMatch(/^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/);
  });

  it('refuses a wrong secret with SignatureDoesNotMatch (400) and echoes its string-to-sign', async () => {
    const client = officialClient(emulator.endpoint, { accessKeySecret: 'not-the-secret' });
    const failure = await failureOf(callAction(client, 'DescribeAIDBClusterTasks', listParams));

    expect(failure).toMatchObject({ code: 'SignatureDoesNotMatch', statusCode: 400 });
    expect(failure.data?.Message).toMatch(
      /^Specified signature is not matched with our calculation\. server string to sign is:ACS3-HMAC-SHA256\n[0-9a-f]{64}$/,
    );
  });

  it('refuses an unknown AccessKey with InvalidAccessKeyId.NotFound (404)', async () => {
    const client = officialClient(emulator.endpoint, { accessKeyId: 'LTAI5tNobodyKnowsMe', accessKeySecret: 'x' });
    const failure = await failureOf(callAction(client, 'DescribeAIDBClusterTasks', listParams));
    expect(failure).toMatchObject({ code: 'InvalidAccessKeyId.NotFound', statusCode: 404 });
  });

  it('answers errors with exactly the documented body', async () => {
    const failure = await failureOf(callAction(officialClient(emulator.endpoint), 'DescribeAIDBClusterTasks', {}));
    const requestId = String(failure.data?.RequestId);

    expect(failure.data).toEqual({
      RequestId: requestId,
      HostId: emulator.endpoint,
      Code: 'InvalidDBClusterId.NotFound',
      Message: 'The DBClusterId provided does not exist in our records.',
      Recommend: `https://api.aliyun.com/troubleshoot?q=InvalidDBClusterId.NotFound&product=polardb&requestId=${requestId}`,
      statusCode: 404,
    });
    expect(requestId).toMatch(/^[0-9A-F-]{36}$/);
  });

  it.each([
    ['an action it does not serve', 'DescribeAIDBClusters', '2017-08-01', 'InvalidAction.NotFound', 404],
    ['another API version', 'DescribeAIDBClusterTasks', '2020-01-01', 'InvalidVersion', 400],
  ])('refuses %s', async (_case, action, version, code, status) => {
    const failure = await failureOf(callAction(officialClient(emulator.endpoint), action, listParams, { version }));
    expect(failure).toMatchObject({ code, statusCode: status });
  });

  it('accepts parameters in a form body as well as in the query', async () => {
    const body = await callAction(officialClient(emulator.endpoint), 'DescribeAIDBClusterTasks', listParams, {
      paramsIn: 'body',
    });
    expect(body.RelativeDBClusterId).toBe(DEMO_CLUSTER_ID);
  });

  it('refuses an STS token it never issued with InvalidSecurityToken.Malformed (400)', async () => {
    const client = officialClient(emulator.endpoint, { securityToken: 'CAIS-example-sts-token' });
    const failure = await failureOf(callAction(client, 'DescribeAIDBClusterTasks', listParams));
    expect(failure).toMatchObject({ code: 'InvalidSecurityToken.Malformed', statusCode: 400 });
  });

  it('refuses a replayed nonce with SignatureNonceUsed', async () => {
    jest.spyOn(Util, 'getNonce').mockReturnValue('0123456789abcdef0123456789abcdef');
    const client = officialClient(emulator.endpoint);

    await callAction(client, 'DescribeAIDBClusterTasks', listParams);
    const failure = await failureOf(callAction(client, 'DescribeAIDBClusterTasks', listParams));
    expect(failure).toMatchObject({ code: 'SignatureNonceUsed', statusCode: 400 });
  });

  it('answers a non-POST request with UnsupportedHTTPMethod (403) in the error shape', async () => {
    const response = await fetch(`http://${emulator.endpoint}/`);
    expect(response.status).toBe(403);
    expect(response.headers.get('content-type')).toBe('application/json;charset=utf-8');
    expect(await response.json()).toMatchObject({ Code: 'UnsupportedHTTPMethod', HostId: emulator.endpoint });
  });

  it('refuses an unsigned POST with IncompleteSignature', async () => {
    const response = await fetch(`http://${emulator.endpoint}/?RelativeDBClusterId=${DEMO_CLUSTER_ID}`, {
      method: 'POST',
      headers: { 'x-acs-action': 'DescribeAIDBClusterTasks', 'x-acs-version': '2017-08-01' },
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ Code: 'IncompleteSignature' });
  });

  it('logs every API request with its outcome', () => {
    const outcomes = emulator.requestLog().map((entry) => [entry.action, entry.outcome, entry.httpStatus]);
    expect(outcomes).toContainEqual(['DescribeAIDBClusterTasks', 'ok', 200]);
    expect(outcomes).toContainEqual(['DescribeAIDBClusterTasks', 'SignatureDoesNotMatch', 400]);
    expect(outcomes).toContainEqual(['', 'UnsupportedHTTPMethod', 403]);
  });
});

describe('the emulator clock', () => {
  it('refuses requests dated more than 15 minutes away with InvalidTimeStamp.Expired', async () => {
    const emulator = await startEmulator({ now: () => Date.now() + 20 * 60_000 });
    try {
      const failure = await failureOf(
        callAction(officialClient(emulator.endpoint), 'DescribeAIDBClusterTasks', listParams),
      );
      expect(failure).toMatchObject({ code: 'InvalidTimeStamp.Expired', statusCode: 400 });
    } finally {
      await emulator.close();
    }
  });
});

describe('where the emulator may listen', () => {
  it.each(['0.0.0.0', '192.168.1.10', '::', 'example.invalid'])('refuses %s', async (host) => {
    await expect(startEmulator({ host })).rejects.toThrow(/only loopback/);
  });
});
