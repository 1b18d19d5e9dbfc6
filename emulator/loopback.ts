import { isIPv4, isIPv6 } from 'node:net';

/**
 * True for names that can only mean this machine: `localhost`, 127.0.0.0/8 and `::1` (also IPv4-mapped). The
 * emulator serves unsigned admin routes and demo keys, so it must never listen where others can reach it.
 */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  if (bare === 'localhost') return true;
  if (isIPv4(bare)) return bare.startsWith('127.');
  if (!isIPv6(bare)) return false;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(bare)?.[1];
  return bare === '::1' || bare === '0:0:0:0:0:0:0:1' || (mapped !== undefined && mapped.startsWith('127.'));
}

/** `host:port` as `Config.endpoint` wants it; IPv6 literals get brackets. */
export function endpointOf(host: string, port: number): string {
  const bare = host.replace(/^\[(.*)\]$/, '$1');
  return isIPv6(bare) ? `[${bare}]:${port}` : `${bare}:${port}`;
}
