import { parseFaultSpec } from '../faults/parse';
import { FaultSpecError } from '../faults/types';
import { BodyTooLargeError, readBody } from './body';
import { sendJson } from './respond';

import type { IncomingMessage, ServerResponse } from 'node:http';

import type { FaultBook } from '../faults/book';
import type { RequestLog } from '../log/request-log';
import type { EmulatedTask } from '../tasks/snapshot';

/** Prefix of the unsigned admin routes; nothing under it is part of the emulated API. */
export const ADMIN_PREFIX = '/__emulator/';

/** What the admin routes read and change. */
export interface AdminHandlerDeps {
  faults: FaultBook;
  log: RequestLog;
  tasks: () => EmulatedTask[];
}

type Route = (request: IncomingMessage) => Promise<[status: number, body: unknown]>;

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
    throw new AdminError(415, 'Send the fault as application/json.');
  }
  try {
    return JSON.parse((await readBody(request, 64 * 1024)).toString('utf8'));
  } catch (error) {
    throw new AdminError(400, error instanceof BodyTooLargeError ? error.message : 'The body is not valid JSON.');
  }
}

function routes(deps: AdminHandlerDeps): Record<string, Partial<Record<string, Route>>> {
  return {
    faults: {
      GET: () => Promise.resolve([200, { faults: deps.faults.list() }]),
      POST: async (request) => [201, { fault: deps.faults.add(parseFaultSpec(await readJson(request))) }],
      DELETE: () => Promise.resolve([200, { cleared: deps.faults.clear() }]),
    },
    requests: {
      GET: () => Promise.resolve([200, { requests: deps.log.list() }]),
      DELETE: () => Promise.resolve([200, { cleared: deps.log.clear() }]),
    },
    tasks: {
      GET: () => Promise.resolve([200, { tasks: deps.tasks() }]),
    },
  };
}

/**
 * Builds the handler for `/__emulator/*`: `faults` (GET, POST, DELETE), `requests` (GET, DELETE) and `tasks`
 * (GET). These routes are unsigned and answer plain JSON, not the cloud's error shape.
 */
export function createAdminHandler(
  deps: AdminHandlerDeps,
): (request: IncomingMessage, response: ServerResponse) => Promise<void> {
  const table = routes(deps);
  return async (request, response) => {
    const name = (request.url ?? '').split('?')[0]?.slice(ADMIN_PREFIX.length) ?? '';
    const methods = Object.hasOwn(table, name) ? table[name] : undefined;
    const route = methods && Object.hasOwn(methods, request.method ?? '') ? methods[request.method ?? ''] : undefined;

    try {
      if (!methods) throw new AdminError(404, `No admin route ${ADMIN_PREFIX}${name}.`);
      if (!route) throw new AdminError(405, `Use ${Object.keys(methods).join(', ')} on ${ADMIN_PREFIX}${name}.`);
      const [status, body] = await route(request);
      sendJson(response, status, body);
    } catch (error) {
      if (error instanceof AdminError) sendJson(response, error.status, { error: error.message });
      else if (error instanceof FaultSpecError) sendJson(response, 400, { error: error.message });
      else throw error;
    }
  };
}
