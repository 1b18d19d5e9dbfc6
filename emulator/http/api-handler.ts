import { CREATE_TASK_ACTION, isServedAction } from '../actions/names';
import { actionHandlers } from '../actions/registry';
import { ApiError, apiError } from '../errors/api-error';
import { errorCodeInfo } from '../errors/catalogue';
import { newRequestId } from '../ids';
import { keyParams } from '../log/request-log';
import { verifyV3Request } from '../signature/verify';
import { BodyTooLargeError, readBody } from './body';
import { decodeForm, mergeParams } from './form';
import { errorBody, sendJson } from './respond';

import type { IncomingMessage, ServerResponse } from 'node:http';

import type { LifecycleDurations } from '../actions/types';
import type { FaultBook } from '../faults/book';
import type { FaultKind } from '../faults/types';
import type { RequestLog } from '../log/request-log';
import type { VerifierDeps } from '../signature/verify';
import type { StateStore } from '../state/store';
import type { Sleeper } from './sleeper';

/** Larger bodies are refused; real action parameters are a few kilobytes at most. */
const maxBodyBytes = 1024 * 1024;

/** What the API pipeline needs; assembled once by `startEmulator`. */
export interface ApiHandlerDeps {
  store: StateStore;
  faults: FaultBook;
  log: RequestLog;
  sleeper: Sleeper;
  now: () => number;
  accessKeys: ReadonlyMap<string, string>;
  lifecycle: LifecycleDurations;
  checkSecurityToken: VerifierDeps['checkSecurityToken'];
}

/** The client went away (or the emulator is closing): there is nobody to answer. */
class NoAnswer extends Error {}

/** What one request did, filled in as it goes, for the request log. */
interface Exchange {
  action: string;
  params: ReadonlyMap<string, string>;
  fault?: FaultKind;
}

function isFormBody(request: IncomingMessage): boolean {
  return (request.headers['content-type'] ?? '').toLowerCase().startsWith('application/x-www-form-urlencoded');
}

async function readSignedBody(request: IncomingMessage): Promise<Buffer> {
  try {
    return await readBody(request, maxBodyBytes);
  } catch (error) {
    if (error instanceof BodyTooLargeError) throw apiError('InvalidParameter', error.message);
    throw new NoAnswer();
  }
}

/**
 * Serves one API request: checks method and path, verifies the V3 signature, applies armed faults, runs the
 * action and answers. Returns the success body, or undefined when the connection was dropped on purpose.
 */
async function serve(
  deps: ApiHandlerDeps,
  request: IncomingMessage,
  response: ServerResponse,
  exchange: Exchange,
): Promise<Record<string, unknown> | undefined> {
  if (request.method !== 'POST') throw apiError('UnsupportedHTTPMethod');
  const [path = '', rawQuery = ''] = (request.url ?? '').split(/\?(.*)/s);
  if (path !== '/') throw apiError('InvalidAction.NotFound');
  const query = decodeForm(rawQuery);
  exchange.params = query;

  const body = await readSignedBody(request);
  const caller = verifyV3Request(
    { method: 'POST', path, query, headers: request.headersDistinct, body },
    {
      secretFor: (id) => deps.accessKeys.get(id),
      isKnownAction: isServedAction,
      nowMs: deps.now(),
      nonces: deps.store,
      checkSecurityToken: deps.checkSecurityToken,
    },
  );
  const action = caller.action;
  if (!isServedAction(action)) throw apiError('InvalidAction.NotFound');
  const params = mergeParams(query, isFormBody(request) ? decodeForm(body.toString('utf8')) : new Map());
  exchange.params = params;

  const injected = deps.faults.take(['error'], action);
  if (injected) {
    exchange.fault = 'error';
    const info = errorCodeInfo(injected.code);
    throw new ApiError(injected.code, injected.httpStatus ?? info.httpStatus, injected.message ?? info.message);
  }
  const delay = deps.faults.take(['delay'], action);
  if (delay) {
    exchange.fault = 'delay';
    if (!(await deps.sleeper.sleep(delay.ms))) throw new NoAnswer();
  }

  const { store, faults, lifecycle } = deps;
  const result = actionHandlers[action]({ params, store, faults, lifecycle, nowMs: deps.now() });

  // The after-create faults run once the task exists: the client loses or waits out an answer to a real create.
  const afterCreate =
    action === CREATE_TASK_ACTION ? faults.take(['drop-after-create', 'hold-after-create'], action) : undefined;
  if (afterCreate) {
    exchange.fault = afterCreate.kind;
    const answer = afterCreate.kind === 'hold-after-create' && (await deps.sleeper.sleep(afterCreate.ms));
    if (!answer) {
      response.destroy();
      return undefined;
    }
  }
  return result;
}

/** Builds the handler for every path outside `/__emulator/`. */
export function createApiHandler(
  deps: ApiHandlerDeps,
): (request: IncomingMessage, response: ServerResponse) => Promise<void> {
  return async (request, response) => {
    const requestId = newRequestId();
    const hostId = request.headers.host ?? '';
    const exchange: Exchange = { action: (request.headersDistinct['x-acs-action'] ?? []).join(','), params: new Map() };
    const log = (outcome: string, httpStatus: number): void =>
      deps.log.record({
        time: new Date(deps.now()).toISOString(),
        action: exchange.action,
        params: keyParams(exchange.params),
        outcome,
        httpStatus,
        ...(exchange.fault && { fault: exchange.fault }),
      });

    try {
      const result = await serve(deps, request, response, exchange);
      if (result === undefined) {
        log('ok', 0);
        return;
      }
      sendJson(response, 200, { RequestId: requestId, ...result }, requestId);
      log('ok', 200);
    } catch (caught) {
      if (caught instanceof NoAnswer) return;
      if (!(caught instanceof ApiError)) console.error('Emulator failed to serve a request', caught);
      const error = caught instanceof ApiError ? caught : apiError('InternalError');
      sendJson(response, error.httpStatus, errorBody(error, requestId, hostId), requestId);
      log(error.code, error.httpStatus);
    }
  };
}
