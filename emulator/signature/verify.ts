import { apiError } from '../errors/api-error';
import { API_VERSION, REPLAY_WINDOW_MS } from '../constants';
import { parseIsoSeconds } from '../time';
import { parseAuthorization } from './authorization';
import { checkSignedHeaders } from './signed-headers';
import { canonicalRequest, sha256Hex, signature, signaturesMatch, stringToSign } from './v3';

import type { ApiError } from '../errors/api-error';
import type { HeaderValues } from './v3';

/** The parts of an HTTP request the signature covers. `query` is already decoded. */
export interface SignedRequest {
  method: string;
  path: string;
  query: ReadonlyMap<string, string>;
  headers: HeaderValues;
  body: Uint8Array;
}

/** Remembers nonces per AccessKey so a captured request cannot be replayed inside the date window. */
export interface NonceLedger {
  isUsed(accessKeyId: string, nonce: string, nowMs: number): boolean;
  remember(accessKeyId: string, nonce: string, nowMs: number): void;
}

/** What the verifier needs from the rest of the emulator. */
export interface VerifierDeps {
  /** Secret of a known AccessKey id, or undefined. */
  secretFor(accessKeyId: string): string | undefined;
  isKnownAction(action: string): boolean;
  nowMs: number;
  nonces: NonceLedger;
  /** Decides whether an STS token is acceptable; the hook where token expiry will be emulated. */
  checkSecurityToken(token: string, accessKeyId: string, nowMs: number): ApiError | undefined;
}

/** Who signed the request and which action it asks for. */
export interface VerifiedCaller {
  accessKeyId: string;
  action: string;
  securityToken?: string;
}

/** Value of a header that may appear at most once; a repeated one is refused rather than guessed at. */
function singleHeader(headers: HeaderValues, name: string): string | undefined {
  const values = headers[name];
  if (values === undefined) return undefined;
  if (values.length !== 1) throw apiError('IncompleteSignature', `The header "${name}" must appear exactly once.`);
  return values[0];
}

/**
 * Verifies a V3-signed request in the order of the spec's checklist (§11.2) and throws the matching
 * {@link ApiError}. The nonce is remembered only once the signature has been proven, so forged requests cannot
 * burn a legitimate client's nonces.
 */
export function verifyV3Request(request: SignedRequest, deps: VerifierDeps): VerifiedCaller {
  const parsed = parseAuthorization(singleHeader(request.headers, 'authorization'));
  if (!parsed.ok) {
    throw apiError(
      'IncompleteSignature',
      `The request signature does not conform to Aliyun standards: ${parsed.reason}`,
    );
  }
  const auth = parsed.value;

  const headerProblem = checkSignedHeaders(auth.signedHeaders, request.headers);
  if (headerProblem) throw headerProblem;

  const secret = deps.secretFor(auth.accessKeyId);
  if (secret === undefined) throw apiError('InvalidAccessKeyId.NotFound');

  const action = singleHeader(request.headers, 'x-acs-action') ?? '';
  if (!deps.isKnownAction(action)) throw apiError('InvalidAction.NotFound');
  if (singleHeader(request.headers, 'x-acs-version') !== API_VERSION) throw apiError('InvalidVersion');

  const requestTime = parseIsoSeconds(singleHeader(request.headers, 'x-acs-date') ?? '');
  if (requestTime === undefined) throw apiError('IllegalTimestamp');
  if (Math.abs(deps.nowMs - requestTime) > REPLAY_WINDOW_MS) throw apiError('InvalidTimeStamp.Expired');

  const nonce = singleHeader(request.headers, 'x-acs-signature-nonce') ?? '';
  if (nonce === '') throw apiError('IncompleteSignature', 'The header "x-acs-signature-nonce" is empty.');
  if (deps.nonces.isUsed(auth.accessKeyId, nonce, deps.nowMs)) throw apiError('SignatureNonceUsed');

  const securityToken = singleHeader(request.headers, 'x-acs-security-token');
  const tokenKeyId = singleHeader(request.headers, 'x-acs-accesskey-id');
  if ((securityToken !== undefined || tokenKeyId !== undefined) && tokenKeyId !== auth.accessKeyId) {
    throw apiError('IncompleteSignature', 'The header "x-acs-accesskey-id" must equal the Credential id.');
  }
  if (securityToken !== undefined) {
    const tokenProblem = deps.checkSecurityToken(securityToken, auth.accessKeyId, deps.nowMs);
    if (tokenProblem) throw tokenProblem;
  }

  const payloadHash = singleHeader(request.headers, 'x-acs-content-sha256') ?? '';
  if (sha256Hex(request.body) !== payloadHash) {
    throw apiError('SignatureDoesNotMatch', 'The header "x-acs-content-sha256" does not match the request body.');
  }

  const toSign = stringToSign(canonicalRequest({ ...request, signedHeaders: auth.signedHeaders, payloadHash }));
  if (!signaturesMatch(signature(secret, toSign), auth.signature)) {
    // The real service echoes its string-to-sign; the product has to scrub it, so the emulator does the same.
    throw apiError(
      'SignatureDoesNotMatch',
      `Specified signature is not matched with our calculation. server string to sign is:${toSign}`,
    );
  }

  deps.nonces.remember(auth.accessKeyId, nonce, deps.nowMs);
  return securityToken === undefined
    ? { accessKeyId: auth.accessKeyId, action }
    : { accessKeyId: auth.accessKeyId, action, securityToken };
}
