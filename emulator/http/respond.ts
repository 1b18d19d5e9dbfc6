import type { ServerResponse } from 'node:http';

import type { ApiError } from '../errors/api-error';

/** Content type of every emulator answer, spelt as the service spells it. */
const jsonContentType = 'application/json;charset=utf-8';

/** Writes an answer unless the client has already gone away. */
function send(response: ServerResponse, status: number, text: string, headers: Record<string, string>): void {
  if (response.destroyed || response.headersSent) return;

  response.writeHead(status, { ...headers, 'content-length': Buffer.byteLength(text) });
  response.end(text);
}

/** Writes a JSON answer; `requestId` becomes the `x-acs-request-id` header. */
export function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  requestId?: string,
  headers: Readonly<Record<string, string>> = {},
): void {
  send(response, status, JSON.stringify(body), {
    'content-type': jsonContentType,
    ...(requestId !== undefined && { 'x-acs-request-id': requestId }),
    ...headers,
  });
}

/**
 * Writes a body that is not the API's JSON: an HTML error page or nothing at all, as a gateway in front of the
 * service might. The client cannot parse either (§12), which is the point.
 */
export function sendRaw(
  response: ServerResponse,
  status: number,
  contentType: string | undefined,
  text: string,
  headers: Readonly<Record<string, string>> = {},
): void {
  send(response, status, text, { ...(contentType !== undefined && { 'content-type': contentType }), ...headers });
}

/** The §10 error body, keys in the documented order. */
export function errorBody(error: ApiError, requestId: string, hostId: string): Record<string, string> {
  return {
    RequestId: requestId,
    HostId: hostId,
    Code: error.code,
    Message: error.message,
    Recommend: `https://api.aliyun.com/troubleshoot?q=${encodeURIComponent(error.code)}&product=polardb&requestId=${requestId}`,
  };
}
