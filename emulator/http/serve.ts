import { STATUS_CODES } from 'node:http';

import { CREATE_TASK_ACTION, isServedAction } from '../actions/names';
import { actionHandlers } from '../actions/registry';
import { ApiError, apiError } from '../errors/api-error';
import { errorCodeInfo } from '../errors/catalogue';
import { verifyRequest } from '../signature/verify-request';
import { BodyTooLargeError, readBody } from './body';
import { decodeForm, mergeParams } from './form';

import type { IncomingMessage } from 'node:http';

import type { ServedAction } from '../actions/names';
import type { LifecycleDurations } from '../actions/types';
import type { FaultBook } from '../faults/book';
import type { FaultKind } from '../faults/types';
import type { RequestLog } from '../log/request-log';
import type { StateStore } from '../state/store';
import type { StsTokenBook } from '../sts/token-book';
import type { RateLimiter } from '../throttle/rate-limiter';
import type { Sleeper } from './sleeper';

/** Larger bodies are refused; real action parameters are a few kilobytes at most. */
const maxBodyBytes = 1024 * 1024;

/**
 * Longer request targets are refused the way a gateway would, before the service sees them: the official
 * client puts every parameter in the query, so a huge RunningParameter makes a huge URL. The real limit is
 * not documented; 32 KiB is below what common gateways accept, which keeps the emulator the stricter one.
 */
export const MAX_REQUEST_TARGET_BYTES = 32 * 1024;

/** What the API pipeline needs; assembled once by `startEmulator`. */
export interface ApiHandlerDeps {
  store: StateStore;
  faults: FaultBook;
  log: RequestLog;
  sleeper: Sleeper;
  now: () => number;
  lifecycle: LifecycleDurations;
  sts: StsTokenBook;
  limiter: RateLimiter;
}

/** What one request did, filled in as it goes, for the request log. */
export interface Exchange {
  action: string;
  params: ReadonlyMap<string, string>;
  fault?: FaultKind;
  accessKeyId?: string;
  signatureVersion?: 'v2' | 'v3';
  createdId?: string;
}

/** How a request ended, other than with an {@link ApiError} (which is thrown). */
export type Served =
  | { kind: 'json'; body: Record<string, unknown> }
  /** The action ran, then the socket is to be destroyed without an answer (drop-after-create). */
  | { kind: 'dropped' }
  /** An answer without the API's JSON (an HTML page or an empty body); `outcome` names it in the request log. */
  | { kind: 'raw'; status: number; contentType?: string; text: string; outcome: 'server-error' | 'uri-too-long' };

/** Where a create's answer carries the id it made, for the request log. */
const createdIdField: Partial<Record<ServedAction, string>> = {
  CreateAIDBClusterTask: 'DBClusterId',
  CreateAIDBClusterDataset: 'DatasetId',
};

/** The client went away (or the emulator is closing): there is nobody to answer. */
export class NoAnswer extends Error {}

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

function gatewayPage(status: number, note = 'Injected by the PolarDB API emulator.'): string {
  const title = `${status} ${STATUS_CODES[status] ?? 'Server Error'}`;
  return `<!DOCTYPE html>\n<html><head><title>${title}</title></head><body><h1>${title}</h1><p>${note}</p></body></html>\n`;
}

/** Faults that answer instead of serving: an API error, or a 5xx the client cannot parse. */
function answerInstead(deps: ApiHandlerDeps, action: string, exchange: Exchange): Served | undefined {
  const fault = deps.faults.take(['error', 'server-error-html', 'server-error-empty'], action);
  if (!fault) return undefined;

  exchange.fault = fault.kind;
  if (fault.kind === 'error') {
    const info = errorCodeInfo(fault.code);
    throw new ApiError(fault.code, fault.httpStatus ?? info.httpStatus, fault.message ?? info.message);
  }
  if (fault.kind === 'server-error-empty') {
    return { kind: 'raw', status: fault.httpStatus ?? 503, text: '', outcome: 'server-error' };
  }
  const status = fault.httpStatus ?? 502;
  return { kind: 'raw', status, contentType: 'text/html', text: gatewayPage(status), outcome: 'server-error' };
}

/** Flow control per AccessKey and action (§13): `Throttling.User` with the wait in `x-acs-retry-after` (ms). */
function throttle(deps: ApiHandlerDeps, accessKeyId: string, action: ServedAction): void {
  const retryAfterMs = deps.limiter.take(accessKeyId, action, deps.now());
  if (retryAfterMs === 0) return;

  const info = errorCodeInfo('Throttling.User');
  throw new ApiError('Throttling.User', info.httpStatus, info.message, { 'x-acs-retry-after': String(retryAfterMs) });
}

/**
 * Serves one API request: checks method and path, verifies the V3 or V2 signature, applies flow control and the
 * armed faults, runs the action, and says how it ended. Refusals are thrown as {@link ApiError}.
 */
export async function serve(deps: ApiHandlerDeps, request: IncomingMessage, exchange: Exchange): Promise<Served> {
  if (Buffer.byteLength(request.url ?? '') > MAX_REQUEST_TARGET_BYTES) {
    return {
      kind: 'raw',
      status: 414,
      contentType: 'text/html',
      text: gatewayPage(414, `The request target is longer than ${MAX_REQUEST_TARGET_BYTES} bytes.`),
      outcome: 'uri-too-long',
    };
  }
  if (request.method !== 'POST') throw apiError('UnsupportedHTTPMethod');
  const [path = '', rawQuery = ''] = (request.url ?? '').split(/\?(.*)/s);
  if (path !== '/') throw apiError('InvalidAction.NotFound');
  const query = decodeForm(rawQuery);
  exchange.params = query;

  const body = await readSignedBody(request);
  const params = mergeParams(query, isFormBody(request) ? decodeForm(body.toString('utf8')) : new Map());
  exchange.params = params;

  const nowMs = deps.now();
  const verified = verifyRequest(
    { method: 'POST', path, query, params, headers: request.headersDistinct, body },
    {
      secretFor: (id) => deps.sts.secretFor(id),
      isKnownAction: isServedAction,
      nowMs,
      clockMs: nowMs + (deps.faults.current('clock-shift', exchange.action)?.ms ?? 0),
      nonces: deps.store,
      checkSecurityToken: (id, token, at) => deps.sts.check(id, token, at),
    },
  );
  const { action, accessKeyId } = verified;
  Object.assign(exchange, {
    action,
    accessKeyId,
    signatureVersion: verified.signatureVersion,
    params: verified.params,
  });
  if (!isServedAction(action)) throw apiError('InvalidAction.NotFound');

  throttle(deps, accessKeyId, action);
  const instead = answerInstead(deps, action, exchange);
  if (instead) return instead;

  const delay = deps.faults.take(['delay'], action);
  if (delay) {
    exchange.fault = 'delay';
    if (!(await deps.sleeper.sleep(delay.ms))) throw new NoAnswer();
  }

  const { store, faults, lifecycle } = deps;
  const result = actionHandlers[action]({ params: verified.params, store, faults, lifecycle, nowMs: deps.now() });
  const created = result[createdIdField[action] ?? ''];
  if (typeof created === 'string') exchange.createdId = created;

  // The after-create faults run once the task exists: the client loses or waits out an answer to a real create.
  const afterCreate =
    action === CREATE_TASK_ACTION ? faults.take(['drop-after-create', 'hold-after-create'], action) : undefined;
  if (afterCreate) {
    exchange.fault = afterCreate.kind;
    const answer = afterCreate.kind === 'hold-after-create' && (await deps.sleeper.sleep(afterCreate.ms));
    if (!answer) return { kind: 'dropped' };
  }
  return { kind: 'json', body: result };
}
