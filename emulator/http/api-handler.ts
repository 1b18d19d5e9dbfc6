import { ApiError, apiError } from '../errors/api-error';
import { newRequestId } from '../ids';
import { keyParams } from '../log/request-log';
import { errorBody, sendJson, sendRaw } from './respond';
import { NoAnswer, serve } from './serve';

import type { IncomingMessage, ServerResponse } from 'node:http';

import type { ApiHandlerDeps, Exchange } from './serve';

export type { ApiHandlerDeps } from './serve';

/**
 * The action a request names before anything is checked: the `x-acs-action` header, else V2's `Action` query
 * parameter. Only the reset fault and the request log use it before the signature has been verified.
 */
function claimedAction(request: IncomingMessage): string {
  const header = request.headersDistinct['x-acs-action'];
  if (header !== undefined) return header.join(',');
  const query = (request.url ?? '').split(/\?(.*)/s)[1] ?? '';
  return new URLSearchParams(query).get('Action') ?? '';
}

/** Builds the handler for every path outside `/__emulator/`: serves, answers and logs each API request. */
export function createApiHandler(
  deps: ApiHandlerDeps,
): (request: IncomingMessage, response: ServerResponse) => Promise<void> {
  return async (request, response) => {
    const requestId = newRequestId();
    const hostId = request.headers.host ?? '';
    const exchange: Exchange = { action: claimedAction(request), params: new Map() };
    // The Date header shows the server clock, clock-shift included, so a client can measure its own skew.
    const dated = (headers: Readonly<Record<string, string>> = {}): Record<string, string> => {
      const shift = deps.faults.current('clock-shift', exchange.action)?.ms ?? 0;
      return { date: new Date(deps.now() + shift).toUTCString(), ...headers };
    };
    const log = (outcome: string, httpStatus: number): void =>
      deps.log.record({
        time: new Date(deps.now()).toISOString(),
        action: exchange.action,
        params: keyParams(exchange.params),
        outcome,
        httpStatus,
        ...(exchange.fault && { fault: exchange.fault }),
        ...(httpStatus !== 0 && { requestId }),
        ...(exchange.accessKeyId !== undefined && { accessKeyId: exchange.accessKeyId }),
        ...(exchange.signatureVersion !== undefined && { signatureVersion: exchange.signatureVersion }),
        ...(exchange.createdId !== undefined && { createdId: exchange.createdId }),
      });

    // A reset happens before anything else, so nothing is read, checked or performed.
    if (deps.faults.take(['reset'], exchange.action)) {
      exchange.fault = 'reset';
      response.destroy();
      log('not-served', 0);
      return;
    }

    try {
      const served = await serve(deps, request, exchange);
      if (served.kind === 'dropped') {
        response.destroy();
        log('ok', 0);
      } else if (served.kind === 'raw') {
        sendRaw(response, served.status, served.contentType, served.text, dated());
        log(served.outcome, served.status);
      } else {
        sendJson(response, 200, { RequestId: requestId, ...served.body }, requestId, dated());
        log('ok', 200);
      }
    } catch (caught) {
      if (caught instanceof NoAnswer) return;
      if (!(caught instanceof ApiError)) console.error('Emulator failed to serve a request', caught);
      const error = caught instanceof ApiError ? caught : apiError('InternalError');
      sendJson(response, error.httpStatus, errorBody(error, requestId, hostId), requestId, dated(error.headers));
      log(error.code, error.httpStatus);
    }
  };
}
