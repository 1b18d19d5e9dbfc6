process.env.ALIBABA_CLOUD_ECS_METADATA_DISABLED = 'true';
process.env.ALIBABA_CLOUD_CLI_PROFILE_DISABLED = 'true';

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import Credential, { Config as CredentialConfig } from '@alicloud/credentials';

import { DEMO_ACCESS_KEY_ID, DEMO_CLUSTER_ID, StsTokenError, startEmulator } from '../emulator';
import { callAction, failureOf, officialClient } from '../emulator/testing/official-client';
import type { IssuedStsToken, RunningEmulator } from '../emulator';

const listParams = { RelativeDBClusterId: DEMO_CLUSTER_ID, KubeType: 'aitrain' };

describe('STS tokens', () => {
  let clock = Date.now();
  let emulator: RunningEmulator;

  const clientFor = (token: IssuedStsToken, changes: { securityToken?: string; signatureAlgorithm?: 'v2' } = {}) =>
    officialClient(emulator.endpoint, {
      accessKeyId: token.accessKeyId,
      accessKeySecret: token.accessKeySecret,
      securityToken: token.securityToken,
      ...changes,
    });
  const list = (client: ReturnType<typeof officialClient>) =>
    callAction(client, 'DescribeAIDBClusterTasks', listParams);

  beforeEach(async () => {
    clock = Date.now();
    emulator = await startEmulator({ now: () => clock });
  });

  afterEach(() => emulator.close());

  it('mints temporary credentials shaped like an STS answer', () => {
    const token = emulator.issueStsToken({ ttlMs: 90_000 });

    expect(token.accessKeyId).toMatch(/^STS\.[A-Za-z0-9]{24}$/);
    expect(token.accessKeySecret).toMatch(/^[A-Za-z0-9]{44}$/);
    expect(token.securityToken).toMatch(/^CAIS[A-Za-z0-9+/]+=*$/);
    expect(token.expiration).toBe(new Date(clock + 90_000).toISOString().replace(/\.\d{3}Z$/, 'Z'));
    expect(emulator.issueStsToken().accessKeyId).not.toBe(token.accessKeyId);
  });

  it.each([
    ['V3 (token in a header)', undefined],
    ['V2 (token in the query)', 'v2' as const],
  ])('signs %s calls with a minted key and its token', async (_case, signatureAlgorithm) => {
    const token = emulator.issueStsToken();
    const client = clientFor(token, signatureAlgorithm ? { signatureAlgorithm } : {});

    await expect(list(client)).resolves.toHaveProperty('Items');
    expect(emulator.requestLog().at(-1)).toMatchObject({ outcome: 'ok', accessKeyId: token.accessKeyId });
  });

  it.each([
    ['V3', undefined],
    ['V2', 'v2' as const],
  ])('refuses an expired token over %s with InvalidSecurityToken.Expired (400)', async (_case, signatureAlgorithm) => {
    const token = emulator.issueStsToken({ ttlMs: 60_000 });
    const client = clientFor(token, signatureAlgorithm ? { signatureAlgorithm } : {});

    clock += 59_999;
    await expect(list(client)).resolves.toHaveProperty('Items');
    clock += 1;
    const failure = await failureOf(list(client));
    expect(failure).toMatchObject({ code: 'InvalidSecurityToken.Expired', statusCode: 400 });
    expect(Object.keys(failure.data ?? {})).toEqual([
      'RequestId',
      'HostId',
      'Code',
      'Message',
      'Recommend',
      'statusCode',
    ]);
  });

  it('refuses a minted key sent without its token with MissingSecurityToken', async () => {
    const token = emulator.issueStsToken();
    const client = officialClient(emulator.endpoint, {
      accessKeyId: token.accessKeyId,
      accessKeySecret: token.accessKeySecret,
    });
    expect(await failureOf(list(client))).toMatchObject({ code: 'MissingSecurityToken', statusCode: 400 });
  });

  it.each([
    ['a token the emulator never minted', () => 'CAISforgedtoken'],
    [
      'the token of another minted key',
      (emulatorUnderTest: RunningEmulator) => emulatorUnderTest.issueStsToken().securityToken,
    ],
  ])('refuses %s with InvalidSecurityToken.Malformed', async (_case, otherToken) => {
    const token = emulator.issueStsToken();
    const failure = await failureOf(list(clientFor(token, { securityToken: otherToken(emulator) })));
    expect(failure).toMatchObject({ code: 'InvalidSecurityToken.Malformed', statusCode: 400 });
  });

  it('refuses a minted key with the wrong secret with SignatureDoesNotMatch', async () => {
    const token = emulator.issueStsToken();
    const failure = await failureOf(list(clientFor({ ...token, accessKeySecret: 'not-the-secret' })));
    expect(failure).toMatchObject({ code: 'SignatureDoesNotMatch', statusCode: 400 });
  });

  it.each([
    ['an unknown AccessKey', { accessKeyId: 'LTAI5tNobody' }],
    ['a zero lifetime', { ttlMs: 0 }],
    ['a lifetime over 12 hours', { ttlMs: 12 * 3600 * 1000 + 1 }],
    ['an unknown field', { ttl: 5 }],
  ])('refuses to mint for %s', (_case, request) => {
    expect(() => emulator.issueStsToken(request as never)).toThrow(StsTokenError);
  });

  it('mints over POST /__emulator/sts', async () => {
    const post = (body: unknown, contentType = 'application/json') =>
      fetch(`http://${emulator.endpoint}/__emulator/sts`, {
        method: 'POST',
        headers: { 'content-type': contentType },
        body: JSON.stringify(body),
      });

    const answer = await post({ accessKeyId: DEMO_ACCESS_KEY_ID, ttlMs: 120_000 });
    expect(answer.status).toBe(201);
    const token = (await answer.json()) as IssuedStsToken;
    expect(Object.keys(token)).toEqual(['accessKeyId', 'accessKeySecret', 'securityToken', 'expiration']);
    await expect(list(clientFor(token))).resolves.toHaveProperty('Items');

    expect((await post({ ttlMs: -1 })).status).toBe(400);
    expect((await post({}, 'text/plain')).status).toBe(415);
  });
});

describe('STS tokens across a restart', () => {
  let directory: string;

  beforeEach(() => {
    directory = mkdtempSync(join(tmpdir(), 'polardb-emulator-sts-'));
  });

  afterEach(() => rmSync(directory, { recursive: true, force: true }));

  it('keeps minted tokens and their expiry in the state file', async () => {
    let clock = Date.now();
    const options = { stateFile: join(directory, 'state.json'), now: () => clock };
    const first = await startEmulator(options);
    const token = first.issueStsToken({ ttlMs: 60_000 });
    await first.close();

    const second = await startEmulator(options);
    try {
      const client = officialClient(second.endpoint, {
        accessKeyId: token.accessKeyId,
        accessKeySecret: token.accessKeySecret,
        securityToken: token.securityToken,
      });
      await expect(callAction(client, 'DescribeAIDBClusterTasks', listParams)).resolves.toHaveProperty('Items');
      clock += 60_000;
      expect(await failureOf(callAction(client, 'DescribeAIDBClusterTasks', listParams))).toMatchObject({
        code: 'InvalidSecurityToken.Expired',
      });
    } finally {
      await second.close();
    }
  });
});

describe('STS through the official credentials-URI provider', () => {
  let emulator: RunningEmulator;
  const uri = (query: string) => `http://${emulator.endpoint}/__emulator/sts/credentials?${query}`;
  const provider = (query: string) =>
    new Credential(new CredentialConfig({ type: 'credentials_uri', credentialsURI: uri(query) }));
  const list = (credential: Credential) =>
    callAction(officialClient(emulator.endpoint, { credential }), 'DescribeAIDBClusterTasks', listParams);

  beforeEach(async () => {
    emulator = await startEmulator();
  });

  afterEach(() => emulator.close());

  it('serves credentials the provider can use, and expireStsTokens makes the server refuse them', async () => {
    const credential = provider('ttlMs=3600000');
    await list(credential);
    await list(credential);
    const [first, second] = emulator.requestLog().map((entry) => entry.accessKeyId);
    expect(first).toMatch(/^STS\./);
    expect(second).toBe(first);

    expect(emulator.expireStsTokens()).toBe(1);
    expect(await failureOf(list(credential))).toMatchObject({ code: 'InvalidSecurityToken.Expired', statusCode: 400 });
    await expect(list(provider('ttlMs=3600000'))).resolves.toHaveProperty('Items');
  });

  it('lets the provider refresh a short-lived token before every call, as it does within 15 minutes of expiry', async () => {
    const credential = provider(`accessKeyId=${DEMO_ACCESS_KEY_ID}&ttlMs=60000`);
    await list(credential);
    await list(credential);
    const keys = emulator.requestLog().map((entry) => entry.accessKeyId);
    expect(new Set(keys).size).toBe(2);
  });

  it('expires tokens over DELETE /__emulator/sts and refuses malformed queries', async () => {
    emulator.issueStsToken();
    emulator.issueStsToken();
    const answer = await fetch(`http://${emulator.endpoint}/__emulator/sts`, { method: 'DELETE' });
    expect(await answer.json()).toEqual({ expired: 2 });

    expect((await fetch(uri('ttlMs=soon'))).status).toBe(400);
    expect((await fetch(uri('accessKeyId=LTAI5tNobody'))).status).toBe(400);
    expect(await (await fetch(uri(''))).json()).toEqual({
      Code: 'Success',
      AccessKeyId: expect.stringMatching(/^STS\./),
      AccessKeySecret: expect.any(String),
      SecurityToken: expect.stringMatching(/^CAIS/),
      Expiration: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/),
    });
  });
});
