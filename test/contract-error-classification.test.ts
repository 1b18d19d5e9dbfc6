import Credential, { Config as CredentialConfig } from '@alicloud/credentials';
import { DEMO_CLUSTER_ID, startEmulator } from '../emulator';
import type { FaultSpec, RunningEmulator } from '../emulator';
import type { ApiFailureVerdict } from '../src/polardb/errors';
import { validateCreateTaskRequest } from '../src/request';
import { exampleRequest } from './support/example-request';
import { failureOf, productClient, staticKey } from './support/product-client';

const listTasks = 'DescribeAIDBClusterTasks';

/**
 * Every way the emulator can refuse or break a call, and the decision the product makes of it. Each
 * case goes product client → official library → HTTP → emulator.
 */
describe('contract: how each failure is classified', () => {
  let emulator: RunningEmulator;

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0 });
  });

  afterEach(() => {
    emulator.faults.clear();
  });

  afterAll(() => emulator.close());

  const retryableAmbiguous = (kind: ApiFailureVerdict['kind']) => ({ kind, retryable: true, ambiguous: true });
  const permanent = (kind: ApiFailureVerdict['kind']) => ({ kind, retryable: false, ambiguous: false });

  it.each<[string, FaultSpec, ApiFailureVerdict, string | undefined]>([
    [
      'throttling',
      { kind: 'error', action: listTasks, code: 'Throttling.User' },
      { kind: 'Throttled', retryable: true, ambiguous: false },
      'Throttling.User',
    ],
    [
      'an internal error',
      { kind: 'error', action: listTasks, code: 'InternalError', httpStatus: 500 },
      retryableAmbiguous('ServerError'),
      'InternalError',
    ],
    [
      'service unavailable',
      { kind: 'error', action: listTasks, code: 'ServiceUnavailable', httpStatus: 503 },
      retryableAmbiguous('ServerError'),
      'ServiceUnavailable',
    ],
    [
      'a 502 with an HTML page',
      { kind: 'server-error-html', action: listTasks },
      retryableAmbiguous('Transport'),
      undefined,
    ],
    [
      'a 503 with an empty body',
      { kind: 'server-error-empty', action: listTasks },
      retryableAmbiguous('Transport'),
      undefined,
    ],
    ['a reset connection', { kind: 'reset', action: listTasks }, retryableAmbiguous('Transport'), undefined],
    [
      'an answer slower than the read timeout',
      { kind: 'delay', action: listTasks, ms: 4_000 },
      retryableAmbiguous('Transport'),
      undefined,
    ],
    [
      'a quota refusal',
      { kind: 'error', action: listTasks, code: 'QuotaNotEnough' },
      permanent('QuotaOrBalance'),
      'QuotaNotEnough',
    ],
    [
      'a balance refusal',
      { kind: 'error', action: listTasks, code: 'InsufficientBalance' },
      permanent('QuotaOrBalance'),
      'InsufficientBalance',
    ],
    [
      'a locked cluster',
      { kind: 'error', action: listTasks, code: 'OperationDenied.LockMode', httpStatus: 403 },
      permanent('Locked'),
      'OperationDenied.LockMode',
    ],
    [
      'a RAM refusal',
      { kind: 'error', action: listTasks, code: 'Forbidden.RAM', httpStatus: 403 },
      permanent('AuthFailed'),
      'Forbidden.RAM',
    ],
    [
      'a busy parent cluster',
      { kind: 'error', action: listTasks, code: 'IncorrectDBClusterState', httpStatus: 403 },
      { kind: 'ClusterBusy', retryable: true, ambiguous: false },
      'IncorrectDBClusterState',
    ],
    [
      'a reused nonce',
      { kind: 'error', action: listTasks, code: 'SignatureNonceUsed' },
      { kind: 'Transport', retryable: true, ambiguous: false },
      'SignatureNonceUsed',
    ],
  ])('%s', async (_name, fault, verdict, code) => {
    emulator.faults.add(fault);
    const { api } = productClient(emulator);

    const failure = await failureOf(() => api.listTasks(DEMO_CLUSTER_ID, 'aitrain'));

    expect(failure.verdict).toEqual(verdict);
    expect(failure.code).toBe(code);
    expect(failure.action).toBe(listTasks);
  });

  it('an answer slower than the connect timeout but within the read timeout is awaited', async () => {
    emulator.faults.add({ kind: 'delay', action: listTasks, ms: 1_500 });
    const { api } = productClient(emulator, { connectTimeoutMs: 500, readTimeoutMs: 3_000 });

    await expect(api.listTasks(DEMO_CLUSTER_ID, 'aitrain')).resolves.toBeInstanceOf(Array);
  });

  it('a wrong secret is a permanent AuthFailed whose message carries no string-to-sign', async () => {
    const { api } = productClient(emulator, { credentials: staticKey(undefined, 'NotTheSecret0123456789abcdefghij') });

    const failure = await failureOf(() => api.listTasks(DEMO_CLUSTER_ID, 'aitrain'));

    expect(failure.verdict).toEqual(permanent('AuthFailed'));
    expect(failure.code).toBe('SignatureDoesNotMatch');
    expect(failure.message).toContain('[redacted]');
    expect(failure.message).not.toContain('ACS3-HMAC-SHA256\n');
    expect(failure.message).not.toContain('NotTheSecret0123456789abcdefghij');
  });

  it('an unknown AccessKey is a permanent AuthFailed', async () => {
    const { api } = productClient(emulator, { credentials: staticKey('LTAI5tNobodyKnowsThisKey', 'x'.repeat(30)) });

    const failure = await failureOf(() => api.listTasks(DEMO_CLUSTER_ID, 'aitrain'));

    expect(failure.code).toBe('InvalidAccessKeyId.NotFound');
    expect(failure.verdict).toEqual(permanent('AuthFailed'));
  });

  it('an unknown task is a permanent NotFound', async () => {
    const failure = await failureOf(() => productClient(emulator).api.describeTask('pm-00000000000000'));

    expect(failure.code).toBe('InvalidDBClusterId.NotFound');
    expect(failure.httpStatus).toBe(404);
    expect(failure.verdict).toEqual(permanent('NotFound'));
  });

  it.each<[string, FaultSpec]>([
    ['the connection drops after the create', { kind: 'drop-after-create' }],
    ['the create answer is held past the read timeout', { kind: 'hold-after-create', ms: 4_000 }],
  ])('a create whose answer is lost (%s) is ambiguous: the task exists', async (_name, fault) => {
    emulator.faults.add(fault);
    const { api } = productClient(emulator);
    const request = validateCreateTaskRequest({ ...exampleRequest(), TaskName: `ambiguous-${fault.kind}` });

    const failure = await failureOf(() => api.createTask(request.params));

    expect(failure.verdict).toEqual(retryableAmbiguous('Transport'));
    expect(emulator.tasks().filter((task) => task.taskName === `ambiguous-${fault.kind}`)).toHaveLength(1);
  });

  it('an invalid parameter value is a permanent InvalidRequest', async () => {
    const request = validateCreateTaskRequest(exampleRequest());
    const failure = await failureOf(() =>
      productClient(emulator).client.call('CreateAIDBClusterTask', { ...request.params, ModelSource: 'borrowed' }),
    );

    expect(failure.code).toBe('InvalidParameter');
    expect(failure.verdict).toEqual(permanent('InvalidRequest'));
  });

  it('a missing parameter is a permanent InvalidRequest naming the parameter', async () => {
    const failure = await failureOf(() => productClient(emulator).client.call('CreateAIDBClusterTask', {}));

    expect(failure.code).toBe('MissingParameter');
    expect(failure.message).toContain('DBClusterId');
    expect(failure.verdict).toEqual(permanent('InvalidRequest'));
  });

  it('flow control beyond the account rate is Throttled', async () => {
    emulator.setRateLimit(listTasks, { perSecond: 0.001, burst: 1 });
    const { api } = productClient(emulator);
    try {
      await api.listTasks(DEMO_CLUSTER_ID, 'aitrain');
      const failure = await failureOf(() => api.listTasks(DEMO_CLUSTER_ID, 'aitrain'));
      expect(failure.code).toBe('Throttling.User');
      expect(failure.verdict.kind).toBe('Throttled');
    } finally {
      emulator.setRateLimit(listTasks, null);
    }
  });

  it('a skewed clock is reported with local and server time, and not retried', async () => {
    emulator.faults.add({ kind: 'clock-shift', ms: -20 * 60_000 });

    const failure = await failureOf(() => productClient(emulator).api.listTasks(DEMO_CLUSTER_ID, 'aitrain'));

    expect(failure.code).toBe('InvalidTimeStamp.Expired');
    expect(failure.verdict).toEqual(permanent('ClockSkew'));
    expect(failure.message).toMatch(/local time \S+ is 1[12]\d\d s ahead of server time \S+; fix this machine's clock/);
  });
});

describe('contract: an STS token that expires mid-pipeline', () => {
  let emulator: RunningEmulator;
  beforeAll(async () => {
    emulator = await startEmulator({ port: 0 });
  });

  afterAll(() => emulator.close());

  it('is refreshed through the credential provider and the call carries on', async () => {
    let providers = 0;
    // The official provider for a credentials URI, pointed at the emulator's STS route on loopback.
    const credentials = () => {
      providers++;
      return new Credential(
        new CredentialConfig({
          type: 'credentials_uri',
          credentialsURI: `http://${emulator.endpoint}/__emulator/sts/credentials?ttlMs=3600000`,
        }),
      );
    };
    const { api } = productClient(emulator, { credentials });

    await api.listTasks(DEMO_CLUSTER_ID, 'aitrain');
    // The provider caches a token that it believes valid for an hour; the service revokes it early.
    expect(emulator.expireStsTokens()).toBeGreaterThan(0);
    await api.listTasks(DEMO_CLUSTER_ID, 'aitrain');

    const outcomes = emulator.requestLog({ action: listTasks }).map((entry) => entry.outcome);
    expect(outcomes).toEqual(['ok', 'InvalidSecurityToken.Expired', 'ok']);
    expect(providers).toBe(2);
  });
});
