process.env.ALIBABA_CLOUD_ECS_METADATA_DISABLED = 'true';
process.env.ALIBABA_CLOUD_CLI_PROFILE_DISABLED = 'true';

import Util from '@alicloud/tea-util';

import { DEMO_CLUSTER_ID, startEmulator } from '../emulator';
import { verifyV2Request } from '../emulator/signature/verify-v2';
import { demoCreateParams } from '../emulator/testing/demo-params';
import { callAction, failureOf, officialClient } from '../emulator/testing/official-client';
import type { RunningEmulator } from '../emulator';
import type { ApiError } from '../emulator/errors/api-error';
import type { NonceLedger, VerifierDeps } from '../emulator/signature/verify';
import { date, keyId, secret, vectorC } from './support/signature-vectors';

describe('the V2 verifier on vector C', () => {
  const nonces = (): NonceLedger => {
    const seen = new Set<string>();
    return {
      isUsed: (id, value) => seen.has(`${id}/${value}`),
      remember: (id, value) => void seen.add(`${id}/${value}`),
    };
  };
  const deps = (changes: Partial<VerifierDeps> = {}): VerifierDeps => ({
    secretFor: (id) => (id === keyId ? secret : undefined),
    isKnownAction: (action) => action === 'DescribeAIDBClusterTasks',
    nowMs: Date.parse(date),
    nonces: nonces(),
    checkSecurityToken: () => undefined,
    ...changes,
  });
  const request = (changes: Record<string, string | undefined> = {}) => {
    const params = new Map([...vectorC.params, ['Signature', vectorC.signature]]);
    for (const [name, value] of Object.entries(changes)) {
      if (value === undefined) params.delete(name);
      else params.set(name, value);
    }
    return { method: 'POST', params, headers: {} };
  };
  const refusal = (changes: Record<string, string | undefined>, dependencies = deps()): ApiError => {
    try {
      verifyV2Request(request(changes), dependencies);
    } catch (error) {
      return error as ApiError;
    }
    throw new Error('the request was accepted');
  };

  it('accepts it once, then refuses the replay', () => {
    const ledger = deps();
    expect(verifyV2Request(request(), ledger)).toEqual({ accessKeyId: keyId, action: 'DescribeAIDBClusterTasks' });
    expect(refusal({}, ledger).code).toBe('SignatureNonceUsed');
  });

  it.each([
    ['a changed parameter', { KubeType: 'aieval' }, 'SignatureDoesNotMatch', 400],
    ['no Timestamp', { Timestamp: undefined }, 'IllegalTimestamp', 400],
    ['a Timestamp with fractions', { Timestamp: '2026-01-15T08:00:00.000Z' }, 'IllegalTimestamp', 400],
    ['a Timestamp 16 minutes old', { Timestamp: '2026-01-15T07:44:00Z' }, 'InvalidTimeStamp.Expired', 400],
    ['no SignatureNonce', { SignatureNonce: undefined }, 'MissingParameter', 400],
    ['no AccessKeyId', { AccessKeyId: undefined }, 'MissingParameter', 400],
    ['an unknown AccessKeyId', { AccessKeyId: 'LTAI5tNobody' }, 'InvalidAccessKeyId.NotFound', 404],
    ['an unknown Action', { Action: 'DescribeEverything' }, 'InvalidAction.NotFound', 404],
    ['another Version', { Version: '2014-05-26' }, 'InvalidVersion', 400],
    ['SignatureMethod HMAC-SHA256', { SignatureMethod: 'HMAC-SHA256' }, 'IncompleteSignature', 400],
    ['a Signature that is not base64 SHA-1', { Signature: 'abc' }, 'IncompleteSignature', 400],
    ['Format XML', { Format: 'XML' }, 'InvalidParameter', 400],
  ])('refuses %s', (_case, changes, code, status) => {
    expect(refusal(changes)).toMatchObject({ code, httpStatus: status });
  });

  it('echoes the string-to-sign on a wrong secret', () => {
    const error = refusal({}, deps({ secretFor: () => 'wrong' }));
    expect(error.message).toBe(
      `Specified signature is not matched with our calculation. server string to sign is:${vectorC.stringToSign}`,
    );
  });

  it('refuses an x-acs-action header that disagrees with the signed Action', () => {
    const forged = { ...request(), headers: { 'x-acs-action': ['DeleteAIDBClusterTask'] } };
    expect(() => verifyV2Request(forged, deps())).toThrow(expect.objectContaining({ code: 'IncompleteSignature' }));
  });
});

describe('V2 over HTTP with the official client', () => {
  let clock = Date.now();
  let emulator: RunningEmulator;
  const v2 = (options: { accessKeySecret?: string } = {}) =>
    officialClient(emulator.endpoint, { signatureAlgorithm: 'v2', ...options });
  const listParams = { RelativeDBClusterId: DEMO_CLUSTER_ID, KubeType: 'aitrain' };

  beforeAll(async () => {
    emulator = await startEmulator({ now: () => clock });
  });

  afterAll(() => emulator.close());

  afterEach(() => {
    jest.restoreAllMocks();
    clock = Date.now();
  });

  it('creates, lists and describes a task', async () => {
    const created = await callAction(v2(), 'CreateAIDBClusterTask', {
      ...demoCreateParams,
      TaskName: 'signed-the-old-way',
    });
    const taskId = String(created.DBClusterId);

    const listed = await callAction(v2(), 'DescribeAIDBClusterTasks', listParams);
    expect(listed.Items).toEqual([
      expect.objectContaining({ DBNodeId: taskId, DBNodeDescription: 'signed-the-old-way' }),
    ]);
    await expect(callAction(v2(), 'DescribeAIDBClusterTaskAttribute', { DBClusterId: taskId })).resolves.toMatchObject({
      DBClusterDescription: 'signed-the-old-way',
    });
    expect(emulator.requestLog().map((entry) => entry.signatureVersion)).toEqual(['v2', 'v2', 'v2']);
  });

  it('refuses a wrong secret with SignatureDoesNotMatch and echoes the V2 string-to-sign', async () => {
    const failure = await failureOf(
      callAction(v2({ accessKeySecret: 'wrong' }), 'DescribeAIDBClusterTasks', listParams),
    );
    expect(failure).toMatchObject({ code: 'SignatureDoesNotMatch', statusCode: 400 });
    expect(failure.data?.Message).toMatch(/server string to sign is:POST&%2F&AccessKeyId%3D/);
  });

  it('refuses a replayed SignatureNonce', async () => {
    jest.spyOn(Util, 'getNonce').mockReturnValue('00112233445566778899aabbccddeeff');
    await callAction(v2(), 'DescribeAIDBClusterTasks', listParams);
    expect(await failureOf(callAction(v2(), 'DescribeAIDBClusterTasks', listParams))).toMatchObject({
      code: 'SignatureNonceUsed',
      statusCode: 400,
    });
  });

  it('refuses a Timestamp more than 15 minutes from the server clock', async () => {
    clock = Date.now() - 16 * 60_000;
    expect(await failureOf(callAction(v2(), 'DescribeAIDBClusterTasks', listParams))).toMatchObject({
      code: 'InvalidTimeStamp.Expired',
      statusCode: 400,
    });
  });

  it.each([
    ['an action it does not serve', 'DescribeAIDBClusters', '2017-08-01', 'InvalidAction.NotFound', 404],
    ['another API version', 'DescribeAIDBClusterTasks', '2020-01-01', 'InvalidVersion', 400],
  ])('refuses %s', async (_case, action, version, code, status) => {
    expect(await failureOf(callAction(v2(), action, listParams, { version }))).toMatchObject({
      code,
      statusCode: status,
    });
  });
});
