/**
 * The one place that decides what a failed PolarDB call means. Every caller (activities, the worker,
 * scripts) classifies through {@link classifyApiFailure}, so retry decisions, logs and notifications
 * use the same words.
 */

/** Stable kinds of failure, used the same way in code, logs and notifications. */
export type ApiFailureKind =
  | 'Throttled'
  | 'ServerError'
  | 'Transport'
  | 'InvalidRequest'
  | 'AuthFailed'
  | 'NotFound'
  | 'QuotaOrBalance'
  | 'Locked'
  | 'ClusterBusy'
  | 'ClockSkew'
  | 'CredentialsExpired'
  | 'CredentialsUnavailable'
  | 'ResponseTooLarge'
  | 'Unknown';

/** What the caller should do about a failure. */
export interface ApiFailureVerdict {
  kind: ApiFailureKind;
  /** Worth trying again later with the same request. */
  retryable: boolean;
  /**
   * The server may have acted on the request although we saw no answer (timeouts, resets, 5xx, bodies
   * that are not JSON). For a create this means "maybe created": look before creating again.
   */
  ambiguous: boolean;
}

const nonRetryableByCode: Record<string, ApiFailureKind> = {
  MissingParameter: 'InvalidRequest',
  InvalidParameter: 'InvalidRequest',
  UnsupportedParameter: 'InvalidRequest',
  IdempotentParameterMismatch: 'InvalidRequest',
  InvalidAction: 'InvalidRequest',
  'InvalidAction.NotFound': 'InvalidRequest',
  InvalidVersion: 'InvalidRequest',
  UnsupportedHTTPMethod: 'InvalidRequest',
  IllegalTimestamp: 'InvalidRequest',
  'InvalidDBClusterId.NotFound': 'NotFound',
  'Forbidden.ClusterNotFound': 'NotFound',
  'InvalidAccessKeyId.NotFound': 'AuthFailed',
  'InvalidAccessKeyId.Inactive': 'AuthFailed',
  IncompleteSignature: 'AuthFailed',
  SignatureDoesNotMatch: 'AuthFailed',
  'Forbidden.RAM': 'AuthFailed',
  'Forbidden.SubUser': 'AuthFailed',
  'Forbidden.NotSupportRAM': 'AuthFailed',
  'Forbidden.RiskControl': 'AuthFailed',
  'InvalidSecurityToken.Malformed': 'AuthFailed',
  MissingSecurityToken: 'AuthFailed',
  QuotaNotEnough: 'QuotaOrBalance',
  InsufficientBalance: 'QuotaOrBalance',
  'OperationDenied.LockMode': 'Locked',
  IncorrectDBClusterLockMode: 'Locked',
  'InvalidTimeStamp.Expired': 'ClockSkew',
};

const retryableByCode: Record<string, ApiFailureKind> = {
  Throttling: 'Throttled',
  'Throttling.User': 'Throttled',
  'Throttling.Api': 'Throttled',
  // A fresh attempt signs with a fresh nonce, so a replayed nonce heals itself.
  SignatureNonceUsed: 'Transport',
  // The parent cluster is changing state; it usually settles within minutes.
  IncorrectDBClusterState: 'ClusterBusy',
  'OperationDenied.DBClusterStatus': 'ClusterBusy',
  // The credential provider fetches a new token on the next attempt.
  'InvalidSecurityToken.Expired': 'CredentialsExpired',
  InternalError: 'ServerError',
  ServiceUnavailable: 'ServerError',
};

/**
 * Classifies an answered API error by its code and HTTP status, or a transport failure (no status).
 * Unknown codes follow the HTTP status: 5xx and 429 are retryable, other 4xx are not.
 */
export function classifyApiFailure(code: string | undefined, httpStatus: number | undefined): ApiFailureVerdict {
  if (httpStatus === undefined) {
    return { kind: 'Transport', retryable: true, ambiguous: true };
  }
  if (code !== undefined) {
    const permanent = nonRetryableByCode[code];
    if (permanent) return { kind: permanent, retryable: false, ambiguous: false };
    const transient = retryableByCode[code];
    if (transient) return { kind: transient, retryable: true, ambiguous: transient === 'ServerError' };
  }
  if (httpStatus >= 500) return { kind: 'ServerError', retryable: true, ambiguous: true };
  if (httpStatus === 429) return { kind: 'Throttled', retryable: true, ambiguous: false };
  return { kind: 'Unknown', retryable: false, ambiguous: false };
}

/** A failed PolarDB call, already classified and scrubbed of anything secret. */
export class PolarDbApiError extends Error {
  override readonly name = 'PolarDbApiError';

  constructor(
    message: string,
    readonly action: string,
    readonly verdict: ApiFailureVerdict,
    readonly code?: string,
    readonly httpStatus?: number,
    readonly requestId?: string,
  ) {
    super(message);
  }
}
