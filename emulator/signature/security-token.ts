import { apiError } from '../errors/api-error';

import type { ApiError } from '../errors/api-error';

/**
 * Accepts any non-empty STS token presented with a known AccessKey. The emulator issues no tokens, so there is
 * nothing to check them against yet.
 * TODO(sts-expiry): refuse tokens past an expiry with `InvalidSecurityToken.Expired` once the fault exists.
 */
export function acceptAnySecurityToken(token: string): ApiError | undefined {
  return token.trim() === '' ? apiError('InvalidSecurityToken.Malformed') : undefined;
}
