import { apiError, invalidParameter, missingParameter } from '../errors/api-error';
import { checkActionAndVersion, checkNonce, checkRequestDate, checkToken } from './checks';
import { v2CanonicalizedQuery, v2Signature, v2StringToSign, V2_SIGNATURE_METHOD, V2_SIGNATURE_VERSION } from './v2';
import { signaturesMatch } from './v3';
import { singleHeader } from './verify';

import type { VerifiedCaller, VerifierDeps } from './checks';
import type { HeaderValues } from './v3';

/** A V2 request: every parameter (query and form body together) is signed; headers are not. */
export interface V2SignedRequest {
  method: string;
  params: ReadonlyMap<string, string>;
  headers: HeaderValues;
}

/** A base64 HMAC-SHA1: 20 bytes, so 27 characters and one `=`. */
const signaturePattern = /^[A-Za-z0-9+/]{27}=$/;

function signingParam(params: ReadonlyMap<string, string>, name: string): string {
  const value = params.get(name);
  if (value === undefined || value === '') throw missingParameter(name);
  return value;
}

function incomplete(reason: string): never {
  throw apiError('IncompleteSignature', `The request signature does not conform to Aliyun standards: ${reason}`);
}

/**
 * The client also sends `x-acs-action`/`x-acs-version` headers with V2. They are not signed, so one that
 * disagrees with its signed parameter is refused rather than one of them being believed.
 */
function checkHeaderAgrees(headers: HeaderValues, header: string, param: string, value: string | undefined): void {
  const sent = singleHeader(headers, header);
  if (sent !== undefined && sent !== value) incomplete(`the header "${header}" does not match the parameter ${param}.`);
}

/**
 * Verifies a V2 (HMAC-SHA1 query) signature (§11.3) in the same order as V3: signature layout, AccessKey,
 * action and version, `Timestamp`, nonce, STS token, then the signature itself, compared in constant time. Only
 * JSON answers are served, so `Format` must be `json`. The nonce is remembered only after the signature holds.
 */
export function verifyV2Request(request: V2SignedRequest, deps: VerifierDeps): VerifiedCaller {
  const { params, headers } = request;
  const method = signingParam(params, 'SignatureMethod');
  if (method !== V2_SIGNATURE_METHOD) incomplete(`SignatureMethod ${method} is not supported.`);
  const version = signingParam(params, 'SignatureVersion');
  if (version !== V2_SIGNATURE_VERSION) incomplete(`SignatureVersion ${version} is not supported.`);
  const received = signingParam(params, 'Signature');
  if (!signaturePattern.test(received)) incomplete('the Signature is not a base64 HMAC-SHA1.');

  const accessKeyId = signingParam(params, 'AccessKeyId');
  const secret = deps.secretFor(accessKeyId);
  if (secret === undefined) throw apiError('InvalidAccessKeyId.NotFound');

  const action = signingParam(params, 'Action');
  checkHeaderAgrees(headers, 'x-acs-action', 'Action', action);
  checkHeaderAgrees(headers, 'x-acs-version', 'Version', params.get('Version'));
  checkActionAndVersion(action, params.get('Version'), deps);
  const format = signingParam(params, 'Format');
  if (format.toLowerCase() !== 'json') throw invalidParameter('Format', 'the emulator answers JSON only.');

  checkRequestDate(params.get('Timestamp'), deps);
  const nonce = signingParam(params, 'SignatureNonce');
  checkNonce(accessKeyId, nonce, deps);
  const securityToken = params.get('SecurityToken');
  checkToken(accessKeyId, securityToken, deps);

  const toSign = v2StringToSign(request.method, v2CanonicalizedQuery(params));
  if (!signaturesMatch(v2Signature(secret, toSign), received)) {
    throw apiError(
      'SignatureDoesNotMatch',
      `Specified signature is not matched with our calculation. server string to sign is:${toSign}`,
    );
  }

  deps.nonces.remember(accessKeyId, nonce, deps.nowMs);
  return securityToken === undefined ? { accessKeyId, action } : { accessKeyId, action, securityToken };
}
