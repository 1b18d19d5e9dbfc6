import { V2_SIGNING_PARAMS } from './v2';
import { verifyV2Request } from './verify-v2';
import { verifyV3Request } from './verify';

import type { VerifiedCaller, VerifierDeps } from './checks';
import type { HeaderValues } from './v3';

/** An API request as the verifiers need it. */
export interface IncomingApiRequest {
  method: string;
  path: string;
  /** The decoded URL query: what a V3 signature covers. */
  query: ReadonlyMap<string, string>;
  /** Query and form-body parameters together: what a V2 signature covers. */
  params: ReadonlyMap<string, string>;
  headers: HeaderValues;
  body: Uint8Array;
}

/** A verified request, with its action parameters (V2 signing parameters removed). */
export interface VerifiedRequest extends VerifiedCaller {
  signatureVersion: 'v2' | 'v3';
  params: Map<string, string>;
}

/**
 * Verifies either signature style: an `Authorization` header means V3; otherwise a `Signature` parameter means
 * V2. A request with neither is left to the V3 verifier, which refuses the missing header.
 */
export function verifyRequest(request: IncomingApiRequest, deps: VerifierDeps): VerifiedRequest {
  if (request.headers.authorization === undefined && request.params.has('Signature')) {
    const caller = verifyV2Request(request, deps);
    const params = new Map([...request.params].filter(([name]) => !V2_SIGNING_PARAMS.includes(name)));
    return { ...caller, signatureVersion: 'v2', params };
  }

  const caller = verifyV3Request(request, deps);
  return { ...caller, signatureVersion: 'v3', params: new Map(request.params) };
}
