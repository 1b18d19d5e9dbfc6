import { parseFaultSpec } from '../faults/parse';
import { FaultSpecError } from '../faults/types';
import { StsTokenError } from '../sts/token-book';
import { RateLimitError, parseRateLimit, parseRateLimitTarget } from '../throttle/rate-limiter';
import { BodyTooLargeError, readBody } from './body';
import { sendJson } from './respond';

import type { IncomingMessage, ServerResponse } from 'node:http';

import type { FaultBook } from '../faults/book';
import type { RequestLog, RequestLogFilter } from '../log/request-log';
import type { StsTokenBook } from '../sts/token-book';
import type { EmulatedTask } from '../tasks/snapshot';
import type { RateLimiter } from '../throttle/rate-limiter';

/** Prefix of the unsigned admin routes; nothing under it is part of the emulated API. */
export const ADMIN_PREFIX = '/__emulator/';

/** What the admin routes read and change. */
export interface AdminHandlerDeps {
  faults: FaultBook;
  log: RequestLog;
  tasks: () => EmulatedTask[];
  sts: StsTokenBook;
  limiter: RateLimiter;
}

type Route = (request: IncomingMessage, query: URLSearchParams) => Promise<[status: number, body: unknown]>;

/** A refusal of an admin request; answered as `{ error }` with this status. */
class AdminError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Reads a JSON body. Requiring `application/json` keeps a web page from arming faults with a simple cross-site
 * form post, since a browser must ask before sending that content type.
 */
async function readJson(request: IncomingMessage): Promise<unknown> {
  if (!(request.headers['content-type'] ?? '').toLowerCase().startsWith('application/json')) {
    throw new AdminError(415, 'Send the body as application/json.');
  }
  try {
    return JSON.parse((await readBody(request, 64 * 1024)).toString('utf8'));
  } catch (error) {
    throw new AdminError(400, error instanceof BodyTooLargeError ? error.message : 'The body is not valid JSON.');
  }
}

/** `?action=…&outcome=…&taskName=…`; any other name is refused so a typo does not silently match everything. */
function logFilter(query: URLSearchParams): RequestLogFilter {
  const filter: Record<string, string> = {};
  for (const [name, value] of query) {
    if (!['action', 'outcome', 'taskName'].includes(name)) throw new AdminError(400, `Unknown filter ${name}.`);
    filter[name] = value;
  }
  return filter;
}

/**
 * `GET sts/credentials?accessKeyId=…&ttlMs=…`: a fresh token in the shape the official credentials-URI provider
 * reads (`type: 'credentials_uri'`), so a client can refresh expired credentials the way it would in production.
 */
function credentialsForUri(deps: AdminHandlerDeps, query: URLSearchParams): [number, unknown] {
  const request: Record<string, unknown> = {};
  for (const [name, value] of query) {
    if (name === 'accessKeyId') request.accessKeyId = value;
    else if (name === 'ttlMs' && /^\d{1,9}$/.test(value)) request.ttlMs = Number(value);
    else throw new AdminError(400, `Unknown or malformed query parameter ${name}.`);
  }
  const token = deps.sts.issue(request);
  return [
    200,
    {
      Code: 'Success',
      AccessKeyId: token.accessKeyId,
      AccessKeySecret: token.accessKeySecret,
      SecurityToken: token.securityToken,
      Expiration: token.expiration,
    },
  ];
}

/** `{ action?: '*' | Action, perSecond, burst }` → sets that limit. */
async function setRateLimit(deps: AdminHandlerDeps, request: IncomingMessage): Promise<[number, unknown]> {
  const body = await readJson(request);
  if (typeof body !== 'object' || body === null) throw new AdminError(400, 'Send a JSON object.');
  const { action = '*', ...limit } = body as Record<string, unknown>;
  deps.limiter.set(parseRateLimitTarget(action), parseRateLimit(limit));
  return [200, { rateLimits: deps.limiter.list() }];
}

function routes(deps: AdminHandlerDeps): Record<string, Partial<Record<string, Route>>> {
  return {
    faults: {
      GET: () => Promise.resolve([200, { faults: deps.faults.list() }]),
      POST: async (request) => [201, { fault: deps.faults.add(parseFaultSpec(await readJson(request))) }],
      DELETE: () => Promise.resolve([200, { cleared: deps.faults.clear() }]),
    },
    requests: {
      GET: (_request, query) => Promise.resolve([200, { requests: deps.log.list(logFilter(query)) }]),
      DELETE: () => Promise.resolve([200, { cleared: deps.log.clear() }]),
    },
    tasks: {
      GET: () => Promise.resolve([200, { tasks: deps.tasks() }]),
    },
    sts: {
      POST: async (request) => [201, deps.sts.issue(await readJson(request))],
      DELETE: () => Promise.resolve([200, { expired: deps.sts.expireAll() }]),
    },
    'sts/credentials': {
      GET: (_request, query) => Promise.resolve(credentialsForUri(deps, query)),
    },
    'rate-limits': {
      GET: () => Promise.resolve([200, { rateLimits: deps.limiter.list() }]),
      POST: (request) => setRateLimit(deps, request),
      DELETE: () => {
        deps.limiter.reset();
        return Promise.resolve([200, { rateLimits: deps.limiter.list() }]);
      },
    },
  };
}

/** Errors of the admin layer that are the caller's fault, answered 400. */
function isBadRequest(error: unknown): error is Error {
  return error instanceof FaultSpecError || error instanceof StsTokenError || error instanceof RateLimitError;
}

/**
 * Builds the handler for `/__emulator/*`: `faults` (GET, POST, DELETE), `requests` (GET with filters, DELETE),
 * `tasks` (GET), `sts` (POST, DELETE), `sts/credentials` (GET) and `rate-limits` (GET, POST, DELETE). These routes are unsigned and answer plain
 * JSON, not the cloud's error shape.
 */
export function createAdminHandler(
  deps: AdminHandlerDeps,
): (request: IncomingMessage, response: ServerResponse) => Promise<void> {
  const table = routes(deps);
  return async (request, response) => {
    const [path = '', rawQuery = ''] = (request.url ?? '').split(/\?(.*)/s);
    const name = path.slice(ADMIN_PREFIX.length);
    const methods = Object.hasOwn(table, name) ? table[name] : undefined;
    const route = methods && Object.hasOwn(methods, request.method ?? '') ? methods[request.method ?? ''] : undefined;

    try {
      if (!methods) throw new AdminError(404, `No admin route ${ADMIN_PREFIX}${name}.`);
      if (!route) throw new AdminError(405, `Use ${Object.keys(methods).join(', ')} on ${ADMIN_PREFIX}${name}.`);
      const [status, body] = await route(request, new URLSearchParams(rawQuery));
      sendJson(response, status, body);
    } catch (error) {
      if (error instanceof AdminError) sendJson(response, error.status, { error: error.message });
      else if (isBadRequest(error)) sendJson(response, 400, { error: error.message });
      else throw error;
    }
  };
}
