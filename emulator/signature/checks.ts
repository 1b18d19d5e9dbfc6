import { API_VERSION, REPLAY_WINDOW_MS } from '../constants';
import { apiError } from '../errors/api-error';
import { parseIsoSeconds } from '../time';

import type { ApiError } from '../errors/api-error';

/** Remembers nonces per AccessKey so a captured request cannot be replayed inside the date window. */
export interface NonceLedger {
  isUsed(accessKeyId: string, nonce: string, nowMs: number): boolean;
  remember(accessKeyId: string, nonce: string, nowMs: number): void;
}

/** What the verifiers need from the rest of the emulator. */
export interface VerifierDeps {
  /** Secret of a known AccessKey id (permanent or STS), or undefined. */
  secretFor(accessKeyId: string): string | undefined;
  isKnownAction(action: string): boolean;
  /** The emulator clock: the nonce window and STS expiry use it. */
  nowMs: number;
  /** The clock request dates are checked against: `nowMs` moved by a clock-shift fault. Defaults to `nowMs`. */
  clockMs?: number;
  nonces: NonceLedger;
  /** Decides whether the STS token, or its absence, suits the AccessKey; asked for every request. */
  checkSecurityToken(accessKeyId: string, token: string | undefined, nowMs: number): ApiError | undefined;
}

/** Who signed the request and which action it asks for. */
export interface VerifiedCaller {
  accessKeyId: string;
  action: string;
  securityToken?: string;
}

/** Step shared by V2 and V3: the action must be served and the version must be 2017-08-01. */
export function checkActionAndVersion(action: string, version: string | undefined, deps: VerifierDeps): void {
  if (!deps.isKnownAction(action)) throw apiError('InvalidAction.NotFound');
  if (version !== API_VERSION) throw apiError('InvalidVersion');
}

/** The request date must parse (`IllegalTimestamp`) and lie within ±15 minutes of the server clock. */
export function checkRequestDate(text: string | undefined, deps: VerifierDeps): void {
  const requestTime = parseIsoSeconds(text ?? '');
  if (requestTime === undefined) throw apiError('IllegalTimestamp');
  if (Math.abs((deps.clockMs ?? deps.nowMs) - requestTime) > REPLAY_WINDOW_MS)
    throw apiError('InvalidTimeStamp.Expired');
}

/** A nonce may be used once per AccessKey inside the replay window. */
export function checkNonce(accessKeyId: string, nonce: string, deps: VerifierDeps): void {
  if (deps.nonces.isUsed(accessKeyId, nonce, deps.nowMs)) throw apiError('SignatureNonceUsed');
}

/** Refuses a missing, unknown, mismatched or expired STS token (see the STS token book). */
export function checkToken(accessKeyId: string, token: string | undefined, deps: VerifierDeps): void {
  const problem = deps.checkSecurityToken(accessKeyId, token, deps.nowMs);
  if (problem) throw problem;
}
