/**
 * HTTP status and default message of each error code the emulator can answer with (spec §10). Faults that
 * inject a code use the same table, so an injected `Throttling` looks exactly like a real one.
 */

/** Status and message of one code. */
export interface ErrorCodeInfo {
  httpStatus: number;
  message: string;
}

const catalogue: Readonly<Record<string, ErrorCodeInfo>> = {
  MissingParameter: { httpStatus: 400, message: 'A required parameter is not supplied.' },
  InvalidParameter: { httpStatus: 400, message: 'The specified parameter is not valid.' },
  UnsupportedParameter: { httpStatus: 400, message: 'The specified parameter is not supported.' },
  'InvalidDBClusterId.NotFound': {
    httpStatus: 404,
    message: 'The DBClusterId provided does not exist in our records.',
  },
  'InvalidDatasetId.NotFound': { httpStatus: 404, message: 'The specified DatasetId does not exist.' },
  'InvalidPageNumber.Malformed': { httpStatus: 400, message: 'The specified PageNumber is not valid.' },
  'InvalidPageSize.Malformed': { httpStatus: 400, message: 'The specified PageSize is not valid.' },
  'InvalidStartTime.Malformed': { httpStatus: 400, message: 'The specified StartTime is not valid.' },
  'InvalidEndTime.Malformed': { httpStatus: 400, message: 'The specified EndTime is not valid.' },
  'Forbidden.ClusterNotFound': { httpStatus: 404, message: 'The specified cluster does not exist.' },
  IncorrectDBClusterState: { httpStatus: 403, message: 'Current DB cluster state does not support this operation.' },
  'OperationDenied.DBClusterStatus': {
    httpStatus: 403,
    message: 'The operation is not permitted due to cluster status.',
  },
  'OperationDenied.DatasetInUse': {
    httpStatus: 403,
    message: 'The dataset is used by a task that has not finished.',
  },
  'OperationDenied.LockMode': { httpStatus: 403, message: 'The operation is not permitted due to lock mode.' },
  IncorrectDBClusterLockMode: {
    httpStatus: 400,
    message: 'Current DB cluster lock mode does not support this operation.',
  },
  QuotaNotEnough: { httpStatus: 400, message: 'The quota is not enough.' },
  InsufficientBalance: { httpStatus: 400, message: 'Your account does not have enough balance.' },
  'Forbidden.RAM': {
    httpStatus: 403,
    message: 'User not authorized to operate on the specified resource, or this API does not support RAM.',
  },
  'Forbidden.SubUser': { httpStatus: 403, message: 'The specified action is not available for you.' },
  'Forbidden.NotSupportRAM': { httpStatus: 403, message: 'This action does not support accessed by RAM mode.' },
  'Forbidden.RiskControl': { httpStatus: 403, message: 'This operation is forbidden by Aliyun RiskControl system.' },
  'InvalidAccessKeyId.NotFound': { httpStatus: 404, message: 'Specified access key is not found.' },
  'InvalidAccessKeyId.Inactive': { httpStatus: 400, message: 'Specified access key is disabled.' },
  IncompleteSignature: { httpStatus: 400, message: 'The request signature does not conform to Aliyun standards.' },
  SignatureDoesNotMatch: { httpStatus: 400, message: 'Specified signature is not matched with our calculation.' },
  'InvalidTimeStamp.Expired': { httpStatus: 400, message: 'Specified time stamp or date value is expired.' },
  IllegalTimestamp: {
    httpStatus: 400,
    message: 'The input parameter "Timestamp" is missing or not in the expected format.',
  },
  SignatureNonceUsed: { httpStatus: 400, message: 'Specified signature nonce was used already.' },
  'InvalidSecurityToken.Expired': { httpStatus: 400, message: 'Specified SecurityToken is expired.' },
  'InvalidSecurityToken.Malformed': { httpStatus: 400, message: 'Specified SecurityToken is malformed.' },
  MissingSecurityToken: { httpStatus: 400, message: 'SecurityToken is mandatory for this action.' },
  InvalidAction: { httpStatus: 403, message: 'Specified action is not valid.' },
  'InvalidAction.NotFound': {
    httpStatus: 404,
    message: 'Specified api is not found, please check your url and method.',
  },
  InvalidVersion: { httpStatus: 400, message: 'Specified parameter Version is not valid.' },
  UnsupportedHTTPMethod: { httpStatus: 403, message: 'This http method is not supported.' },
  Throttling: { httpStatus: 400, message: 'Request was denied due to request throttling.' },
  'Throttling.User': { httpStatus: 400, message: 'Request was denied due to user flow control.' },
  'Throttling.Api': { httpStatus: 400, message: 'Request was denied due to api flow control.' },
  IdempotentParameterMismatch: {
    httpStatus: 400,
    message: 'The request uses the same client token as a previous, but non-identical request.',
  },
  InternalError: { httpStatus: 500, message: 'The request processing has failed due to some unknown error.' },
  ServiceUnavailable: { httpStatus: 503, message: 'The request has failed due to a temporary failure of the server.' },
};

/** Codes not in the table (a fault may invent one) are answered as a generic client error. */
const unknownCode: ErrorCodeInfo = { httpStatus: 400, message: 'Emulated error.' };

/** Looks up a code; unknown codes get status 400 and a neutral message. */
export function errorCodeInfo(code: string): ErrorCodeInfo {
  return Object.hasOwn(catalogue, code) ? (catalogue[code] ?? unknownCode) : unknownCode;
}
