import type { ServerResponse } from 'node:http';

import type { ApiError } from '../errors/api-error';

/** Content type of every emulator answer, spelt as the service spells it. */
const jsonContentType = 'application/json;charset=utf-8';

/** Writes a JSON answer unless the client has already gone away. */
export function sendJson(response: ServerResponse, status: number, body: unknown, requestId?: string): void {
  if (response.destroyed || response.headersSent) return;

  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': jsonContentType,
    'content-length': Buffer.byteLength(text),
    ...(requestId !== undefined && { 'x-acs-request-id': requestId }),
  });
  response.end(text);
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
