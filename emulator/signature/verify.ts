import { apiError } from '../errors/api-error';
import { parseAuthorization } from './authorization';
import { checkActionAndVersion, checkNonce, checkRequestDate, checkToken } from './checks';
import { checkSignedHeaders } from './signed-headers';
import { canonicalRequest, sha256Hex, signature, signaturesMatch, stringToSign } from './v3';

import type { VerifiedCaller, VerifierDeps } from './checks';
import type { HeaderValues } from './v3';

export type { NonceLedger, VerifiedCaller, VerifierDeps } from './checks';

/** The parts of an HTTP request the signature covers. `query` is already decoded. */
export interface SignedRequest {
  method: string;
  path: string;
  query: ReadonlyMap<string, string>;
  headers: HeaderValues;
  body: Uint8Array;
}

/** Value of a header that may appear at most once; a repeated one is refused rather than guessed at. */
export function singleHeader(headers: HeaderValues, name: string): string | undefined {
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
  checkActionAndVersion(action, singleHeader(request.headers, 'x-acs-version'), deps);
  checkRequestDate(singleHeader(request.headers, 'x-acs-date'), deps);

  const nonce = singleHeader(request.headers, 'x-acs-signature-nonce') ?? '';
  if (nonce === '') throw apiError('IncompleteSignature', 'The header "x-acs-signature-nonce" is empty.');
  checkNonce(auth.accessKeyId, nonce, deps);

  const securityToken = singleHeader(request.headers, 'x-acs-security-token');
  const tokenKeyId = singleHeader(request.headers, 'x-acs-accesskey-id');
  if ((securityToken !== undefined || tokenKeyId !== undefined) && tokenKeyId !== auth.accessKeyId) {
    throw apiError('IncompleteSignature', 'The header "x-acs-accesskey-id" must equal the Credential id.');
  }
  checkToken(auth.accessKeyId, securityToken, deps);

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
