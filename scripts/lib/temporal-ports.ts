import { createServer } from 'node:net';

/** Every port we pick or probe is on loopback: nothing here listens on other interfaces. */
const loopback = '127.0.0.1';

/**
 * A TCP port on 127.0.0.1 that was free a moment ago (the OS picks it when we bind port 0). Another
 * process may still take it before the caller binds it; callers retry on "address already in use".
 */
export function freePort(): Promise<number> {
  return listenOnce(0);
}

/** True when `port` on 127.0.0.1 can be bound right now. */
export async function isPortFree(port: number): Promise<boolean> {
  try {
    await listenOnce(port);
    return true;
  } catch {
    return false;
  }
}

function listenOnce(port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen({ host: loopback, port, exclusive: true }, () => {
      const address = server.address();
      const bound = typeof address === 'object' && address ? address.port : port;
      server.close(() => resolve(bound));
    });
  });
}
