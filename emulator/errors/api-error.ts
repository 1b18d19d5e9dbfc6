import { errorCodeInfo } from './catalogue';

/**
 * A refusal in the cloud's terms: a `Code`, an HTTP status and a message. Checks and actions throw it; the HTTP
 * layer renders it as the §10 error body.
 */
export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    readonly code: string,
    readonly httpStatus: number,
    message: string,
    /** Extra response headers, e.g. `x-acs-retry-after` on throttling. */
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
  }
}

/** An error with the catalogue's status; `message` replaces the catalogue text when given. */
export function apiError(code: string, message?: string): ApiError {
  const info = errorCodeInfo(code);
  return new ApiError(code, info.httpStatus, message ?? info.message);
}

/** `MissingParameter` with the documented message that names the parameter. */
export function missingParameter(name: string): ApiError {
  return apiError(
    'MissingParameter',
    `The input parameter "${name}" that is mandatory for processing this request is not supplied.`,
  );
}

/** `InvalidParameter` naming the parameter and why its value was refused. */
export function invalidParameter(name: string, reason: string): ApiError {
  return apiError('InvalidParameter', `The specified parameter "${name}" is not valid: ${reason}`);
}

/** `InvalidDBClusterId.NotFound`, used for unknown clusters and unknown or deleted tasks alike. */
export function clusterNotFound(): ApiError {
  return apiError('InvalidDBClusterId.NotFound');
}
