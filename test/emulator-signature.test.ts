import { parseAuthorization } from '../emulator/signature/authorization';
import { v2CanonicalizedQuery, v2Signature, v2StringToSign } from '../emulator/signature/v2';
import { verifyV3Request } from '../emulator/signature/verify';
import {
  canonicalQueryString,
  canonicalRequest,
  percentEncode,
  sha256Hex,
  signature,
  stringToSign,
} from '../emulator/signature/v3';
import { apiError } from '../emulator/errors/api-error';
import type { ApiError } from '../emulator/errors/api-error';
import type { HeaderValues } from '../emulator/signature/v3';
import type { NonceLedger, SignedRequest, VerifierDeps } from '../emulator/signature/verify';
import { date, keyId, nonce, secret, vectorC } from './support/signature-vectors';

/** Spec §11.4: the common inputs of every vector. */
const emptyHash = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

function headers(action: string, extra: Record<string, string> = {}): HeaderValues {
  const plain: Record<string, string> = {
    host: '127.0.0.1:18080',
    'x-acs-action': action,
    'x-acs-content-sha256': emptyHash,
    'x-acs-credentials-provider': 'static_ak',
    'x-acs-date': date,
    'x-acs-signature-nonce': nonce,
    'x-acs-version': '2017-08-01',
    ...extra,
  };
  return Object.fromEntries(Object.entries(plain).map(([name, value]) => [name, [value]]));
}

const vectorA = {
  query: new Map([
    ['DBClusterId', 'pc-2ze88abc'],
    ['RegionId', 'cn-beijing'],
    ['ModelSource', 'public'],
    ['ModelName', 'Qwen3-8B'],
    ['KubeType', 'aitrain'],
    ['DatasetPath', 'pds-2zetrain001'],
    ['TaskName', 'nightly grpo (v1)*'],
    [
      'RunningParameter',
      '{"train_mode":"grpo","train_type":"lora","num_epochs":1,"learning_rate":"1e-6","data_file_list":"test-00000-of-00001.jsonl#1000"}',
    ],
  ]),
  headers: headers('CreateAIDBClusterTask'),
  signedHeaders: [
    'host',
    'x-acs-action',
    'x-acs-content-sha256',
    'x-acs-credentials-provider',
    'x-acs-date',
    'x-acs-signature-nonce',
    'x-acs-version',
  ],
  canonical: [
    'POST',
    '/',
    'DBClusterId=pc-2ze88abc&DatasetPath=pds-2zetrain001&KubeType=aitrain&ModelName=Qwen3-8B&ModelSource=public&RegionId=cn-beijing&RunningParameter=%7B%22train_mode%22%3A%22grpo%22%2C%22train_type%22%3A%22lora%22%2C%22num_epochs%22%3A1%2C%22learning_rate%22%3A%221e-6%22%2C%22data_file_list%22%3A%22test-00000-of-00001.jsonl%231000%22%7D&TaskName=nightly%20grpo%20%28v1%29%2A',
    'host:127.0.0.1:18080',
    'x-acs-action:CreateAIDBClusterTask',
    `x-acs-content-sha256:${emptyHash}`,
    'x-acs-credentials-provider:static_ak',
    `x-acs-date:${date}`,
    `x-acs-signature-nonce:${nonce}`,
    'x-acs-version:2017-08-01',
    '',
    'host;x-acs-action;x-acs-content-sha256;x-acs-credentials-provider;x-acs-date;x-acs-signature-nonce;x-acs-version',
    emptyHash,
  ].join('\n'),
  stringToSign: 'ACS3-HMAC-SHA256\n5e32f644d99efbdee8e7e8c71ccb89cc731ff1795e3ef0b473ed2aa55ceb87b7',
  authorization:
    'ACS3-HMAC-SHA256 Credential=LTAI5tEmulatorTestKey01,SignedHeaders=host;x-acs-action;x-acs-content-sha256;x-acs-credentials-provider;x-acs-date;x-acs-signature-nonce;x-acs-version,Signature=be41ff7ae1a74507423b9ba39bd95aecb61e72e48f9b807245eda95eb63a6dc1',
};

const vectorB = {
  query: new Map([
    ['RegionId', 'cn-beijing'],
    ['RelativeDBClusterId', 'pc-2ze88abc'],
    ['KubeType', 'aitrain'],
  ]),
  headers: headers('DescribeAIDBClusterTasks', {
    'x-acs-credentials-provider': 'static_sts',
    'x-acs-accesskey-id': keyId,
    'x-acs-security-token': 'CAIS-example-sts-token',
  }),
  signedHeaders: [
    'host',
    'x-acs-accesskey-id',
    'x-acs-action',
    'x-acs-content-sha256',
    'x-acs-credentials-provider',
    'x-acs-date',
    'x-acs-security-token',
    'x-acs-signature-nonce',
    'x-acs-version',
  ],
  canonical: [
    'POST',
    '/',
    'KubeType=aitrain&RegionId=cn-beijing&RelativeDBClusterId=pc-2ze88abc',
    'host:127.0.0.1:18080',
    `x-acs-accesskey-id:${keyId}`,
    'x-acs-action:DescribeAIDBClusterTasks',
    `x-acs-content-sha256:${emptyHash}`,
    'x-acs-credentials-provider:static_sts',
    `x-acs-date:${date}`,
    'x-acs-security-token:CAIS-example-sts-token',
    `x-acs-signature-nonce:${nonce}`,
    'x-acs-version:2017-08-01',
    '',
    'host;x-acs-accesskey-id;x-acs-action;x-acs-content-sha256;x-acs-credentials-provider;x-acs-date;x-acs-security-token;x-acs-signature-nonce;x-acs-version',
    emptyHash,
  ].join('\n'),
  stringToSign: 'ACS3-HMAC-SHA256\nc41d0a6aee342ccb7b276b13914dc5ba6f001e14b5bd79034940dd5e0c067716',
  signature: '5b499cc29d19a5682bdb1caded1a1755483c669bf7bc8c3c5604a3aa3fc4714b',
};

describe('V3 canonicalisation against the spec test vectors', () => {
  it('encodes query values the RFC 3986 way, unlike the client URL', () => {
    expect(percentEncode('nightly grpo (v1)*')).toBe('nightly%20grpo%20%28v1%29%2A');
    expect(percentEncode("!'~")).toBe('%21%27~');
    expect(
      canonicalQueryString(
        new Map([
          ['b', '1'],
          ['B', '2'],
          ['a', ''],
        ]),
      ),
    ).toBe('B=2&a=&b=1');
  });

  it('reproduces vector A (static AccessKey, CreateAIDBClusterTask) exactly', () => {
    const canonical = canonicalRequest({ method: 'POST', path: '/', payloadHash: emptyHash, ...vectorA });
    expect(canonical).toBe(vectorA.canonical);
    expect(stringToSign(canonical)).toBe(vectorA.stringToSign);

    const parsed = parseAuthorization(vectorA.authorization);
    expect(parsed).toEqual({
      ok: true,
      value: { accessKeyId: keyId, signedHeaders: vectorA.signedHeaders, signature: expect.any(String) },
    });
    expect(parsed.ok && parsed.value.signature).toBe(signature(secret, vectorA.stringToSign));
  });

  it('reproduces vector B (STS token, DescribeAIDBClusterTasks) exactly', () => {
    const canonical = canonicalRequest({ method: 'POST', path: '/', payloadHash: emptyHash, ...vectorB });
    expect(canonical).toBe(vectorB.canonical);
    expect(stringToSign(canonical)).toBe(vectorB.stringToSign);
    expect(signature(secret, vectorB.stringToSign)).toBe(vectorB.signature);
  });

  it('reproduces vector D (form body): payload hash and signature', () => {
    const body = 'RegionId=cn-beijing&RelativeDBClusterId=pc-2ze88abc&KubeType=aitrain';
    const payloadHash = sha256Hex(body);
    expect(payloadHash).toBe('2234ed651c5ee9044cc467b847e0afb923d002622e07fd91bb4c504705bf74ab');

    const formHeaders = {
      ...headers('DescribeAIDBClusterTasks', { 'x-acs-content-sha256': payloadHash }),
      'content-type': ['application/x-www-form-urlencoded'],
    };
    const signedHeaders = ['content-type', ...vectorA.signedHeaders];
    const canonical = canonicalRequest({
      method: 'POST',
      path: '/',
      query: new Map(),
      headers: formHeaders,
      signedHeaders,
      payloadHash,
    });
    expect(signature(secret, stringToSign(canonical))).toBe(
      'bedc118a80aae7c93919afad119622aeba8ee6821b03bc34b33084181dc39cff',
    );
  });
});

describe('V2 canonicalisation against the spec test vector', () => {
  it('reproduces vector C (HMAC-SHA1, DescribeAIDBClusterTasks) exactly', () => {
    const toSign = v2StringToSign('POST', v2CanonicalizedQuery(vectorC.params));
    expect(toSign).toBe(vectorC.stringToSign);
    expect(v2Signature(secret, toSign)).toBe(vectorC.signature);
    expect(encodeURIComponent(vectorC.signature)).toBe('7ZHqDwrbGsceU%2FPmwnd4yT3iADk%3D');
  });

  it('leaves Signature itself out of what is signed', () => {
    const withSignature = new Map([...vectorC.params, ['Signature', vectorC.signature]]);
    expect(v2StringToSign('POST', v2CanonicalizedQuery(withSignature))).toBe(vectorC.stringToSign);
  });
});

describe('the V3 verifier', () => {
  class MemoryNonces implements NonceLedger {
    readonly seen = new Set<string>();
    isUsed(id: string, value: string): boolean {
      return this.seen.has(`${id}/${value}`);
    }
    remember(id: string, value: string): void {
      this.seen.add(`${id}/${value}`);
    }
  }

  const requestA = (changes: Partial<SignedRequest> = {}): SignedRequest => ({
    method: 'POST',
    path: '/',
    query: vectorA.query,
    headers: { ...vectorA.headers, authorization: [vectorA.authorization] },
    body: new Uint8Array(),
    ...changes,
  });
  const deps = (changes: Partial<VerifierDeps> = {}): VerifierDeps => ({
    secretFor: (id) => (id === keyId ? secret : undefined),
    isKnownAction: (action) => action === 'CreateAIDBClusterTask' || action === 'DescribeAIDBClusterTasks',
    nowMs: Date.parse(date),
    nonces: new MemoryNonces(),
    checkSecurityToken: () => undefined,
    ...changes,
  });
  const refusal = (request: SignedRequest, dependencies: VerifierDeps): ApiError => {
    try {
      verifyV3Request(request, dependencies);
    } catch (error) {
      return error as ApiError;
    }
    throw new Error('the request was accepted');
  };

  it('accepts vector A and then refuses its replay', () => {
    const nonces = new MemoryNonces();
    expect(verifyV3Request(requestA(), deps({ nonces }))).toEqual({
      accessKeyId: keyId,
      action: 'CreateAIDBClusterTask',
    });
    expect(refusal(requestA(), deps({ nonces })).code).toBe('SignatureNonceUsed');
  });

  it('echoes the server string-to-sign on a wrong secret, as the real service does', () => {
    const error = refusal(requestA(), deps({ secretFor: () => 'wrong-secret' }));
    expect(error).toMatchObject({ code: 'SignatureDoesNotMatch', httpStatus: 400 });
    expect(error.message).toBe(
      `Specified signature is not matched with our calculation. server string to sign is:${vectorA.stringToSign}`,
    );
  });

  it('does not burn the nonce of a request whose signature failed', () => {
    const nonces = new MemoryNonces();
    refusal(requestA(), deps({ nonces, secretFor: () => 'wrong-secret' }));
    expect(nonces.seen.size).toBe(0);
  });

  it.each([
    ['a changed parameter', { query: new Map([...vectorA.query, ['TaskName', 'other']]) }, 'SignatureDoesNotMatch'],
    ['a body that does not match its hash', { body: new TextEncoder().encode('x=1') }, 'SignatureDoesNotMatch'],
    [
      'an unsigned x-acs header',
      { headers: { ...requestA().headers, 'x-acs-security-token': ['token'] } },
      'IncompleteSignature',
    ],
    ['no Authorization', { headers: { ...vectorA.headers } }, 'IncompleteSignature'],
  ])('refuses %s', (_case, changes: Partial<SignedRequest>, code) => {
    expect(refusal(requestA(changes), deps()).code).toBe(code);
  });

  it.each([
    ['an unknown AccessKey', { secretFor: () => undefined }, 'InvalidAccessKeyId.NotFound', 404],
    ['an unknown action', { isKnownAction: () => false }, 'InvalidAction.NotFound', 404],
    ['a date 16 minutes off', { nowMs: Date.parse(date) + 16 * 60_000 }, 'InvalidTimeStamp.Expired', 400],
  ])('refuses %s', (_case, changes: Partial<VerifierDeps>, code, status) => {
    expect(refusal(requestA(), deps(changes))).toMatchObject({ code, httpStatus: status });
  });

  it('accepts a date 14 minutes off', () => {
    expect(() => verifyV3Request(requestA(), deps({ nowMs: Date.parse(date) - 14 * 60_000 }))).not.toThrow();
  });

  it('refuses an unparsable date with IllegalTimestamp before checking the signature', () => {
    const request = requestA({ headers: { ...requestA().headers, 'x-acs-date': ['2026-01-15 08:00:00'] } });
    expect(refusal(request, deps()).code).toBe('IllegalTimestamp');
  });

  it('accepts vector B and requires x-acs-accesskey-id to match the Credential', () => {
    const authorization = `ACS3-HMAC-SHA256 Credential=${keyId},SignedHeaders=${vectorB.signedHeaders.join(';')},Signature=${vectorB.signature}`;
    const request: SignedRequest = {
      method: 'POST',
      path: '/',
      query: vectorB.query,
      headers: { ...vectorB.headers, authorization: [authorization] },
      body: new Uint8Array(),
    };
    expect(verifyV3Request(request, deps())).toEqual({
      accessKeyId: keyId,
      action: 'DescribeAIDBClusterTasks',
      securityToken: 'CAIS-example-sts-token',
    });

    const mismatched = { ...request, headers: { ...request.headers, 'x-acs-accesskey-id': ['LTAI5tSomeoneElse'] } };
    expect(refusal(mismatched, deps()).code).toBe('IncompleteSignature');
  });

  it('refuses a version other than 2017-08-01', () => {
    const request = requestA({ headers: { ...requestA().headers, 'x-acs-version': ['2020-01-01'] } });
    expect(refusal(request, deps()).code).toBe('InvalidVersion');
  });

  it('accepts vector D (form body, content-type signed) and refuses it with a changed body', () => {
    const body = new TextEncoder().encode('RegionId=cn-beijing&RelativeDBClusterId=pc-2ze88abc&KubeType=aitrain');
    const signedHeaders = ['content-type', ...vectorA.signedHeaders];
    const authorization = `ACS3-HMAC-SHA256 Credential=${keyId},SignedHeaders=${signedHeaders.join(';')},Signature=bedc118a80aae7c93919afad119622aeba8ee6821b03bc34b33084181dc39cff`;
    const request: SignedRequest = {
      method: 'POST',
      path: '/',
      query: new Map(),
      headers: {
        ...headers('DescribeAIDBClusterTasks', { 'x-acs-content-sha256': sha256Hex(body) }),
        'content-type': ['application/x-www-form-urlencoded'],
        authorization: [authorization],
      },
      body,
    };
    expect(verifyV3Request(request, deps())).toEqual({ accessKeyId: keyId, action: 'DescribeAIDBClusterTasks' });

    const changed = { ...request, body: new TextEncoder().encode('RegionId=cn-hangzhou') };
    expect(refusal(changed, deps()).code).toBe('SignatureDoesNotMatch');
  });

  it('checks the date against the shifted server clock, not the true one', () => {
    expect(refusal(requestA(), deps({ clockMs: Date.parse(date) + 20 * 60_000 })).code).toBe(
      'InvalidTimeStamp.Expired',
    );
    expect(() =>
      verifyV3Request(requestA(), deps({ nowMs: Date.parse(date) + 20 * 60_000, clockMs: Date.parse(date) })),
    ).not.toThrow();
  });

  it('asks about the STS token even when none is sent, so a temporary key without one is refused', () => {
    const asked: [string, string | undefined][] = [];
    const checkSecurityToken = (id: string, token: string | undefined): ApiError => {
      asked.push([id, token]);
      return apiError('MissingSecurityToken');
    };
    expect(refusal(requestA(), deps({ checkSecurityToken })).code).toBe('MissingSecurityToken');
    expect(asked).toEqual([[keyId, undefined]]);
  });
});
