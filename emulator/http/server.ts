import { createServer } from 'node:http';

import { ADMIN_PREFIX } from './admin-handler';

import type { IncomingMessage, Server, ServerResponse } from 'node:http';

/** A request handler that finishes the response itself. */
export type Handler = (request: IncomingMessage, response: ServerResponse) => Promise<void>;

/**
 * The HTTP server: `/__emulator/*` goes to the admin routes, everything else to the API pipeline. Idle
 * keep-alive sockets stay open longer than the client's agent keeps them, so a reused socket is never closed
 * under a request (which would look like a lost response); `close()` ends them explicitly.
 */
export function createEmulatorServer(api: Handler, admin: Handler): Server {
  // Node refuses request heads over 16 KiB with a bare 431 that nothing logs; a larger head lets the API
  // pipeline refuse long request targets itself (see MAX_REQUEST_TARGET_BYTES), logged like any request.
  const server = createServer({ maxHeaderSize: 64 * 1024 }, (request, response) => {
    const handler = (request.url ?? '').startsWith(ADMIN_PREFIX) ? admin : api;
    handler(request, response).catch((error: unknown) => {
      console.error('Emulator request handler failed', error);
      if (!response.headersSent) response.writeHead(500).end();
      else response.destroy();
    });
  });
  server.keepAliveTimeout = 60_000;
  return server;
}
