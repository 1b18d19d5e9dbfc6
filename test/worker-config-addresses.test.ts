import { loadWorkerConfig } from '../src/config/worker-config';

const minimal = { POLARDB_ENDPOINT: '127.0.0.1:18080', POLARDB_REGION_ID: 'cn-beijing' };

/** The configuration error's lines about one variable, or [] when the environment is valid. */
function problemsWith(variable: string, env: Record<string, string>): string[] {
  try {
    loadWorkerConfig({ ...minimal, ...env });
    return [];
  } catch (error) {
    const lines = (error as Error).message.split('\n').map((line) => line.trim());
    return lines.filter((line) => line.startsWith(`${variable}: `));
  }
}

describe('the worker configuration’s addresses', () => {
  it('gives an endpoint written as a URL one true reason, pointing at POLARDB_PROTOCOL', () => {
    expect(problemsWith('POLARDB_ENDPOINT', { POLARDB_ENDPOINT: 'http://127.0.0.1:18080' })).toEqual([
      'POLARDB_ENDPOINT: must be host[:port] without scheme or path, e.g. polardb.aliyuncs.com ' +
        '(set the scheme in POLARDB_PROTOCOL)',
    ]);
    expect(problemsWith('POLARDB_ENDPOINT', { POLARDB_ENDPOINT: 'polardb.aliyuncs.com/api' })).toEqual([
      'POLARDB_ENDPOINT: must be host[:port] without scheme or path, e.g. polardb.aliyuncs.com',
    ]);
  });

  it('accepts an endpoint with or without a port, and names a bad port or host', () => {
    expect(problemsWith('POLARDB_ENDPOINT', { POLARDB_ENDPOINT: 'polardb.cn-beijing.aliyuncs.com' })).toEqual([]);
    expect(problemsWith('POLARDB_ENDPOINT', { POLARDB_ENDPOINT: 'localhost:18080' })).toEqual([]);
    for (const port of ['0', '99999', '', 'https']) {
      expect(problemsWith('POLARDB_ENDPOINT', { POLARDB_ENDPOINT: `127.0.0.1:${port}` })).toEqual([
        'POLARDB_ENDPOINT: has an invalid port: must be a whole number from 1 to 65535',
      ]);
    }
    expect(problemsWith('POLARDB_ENDPOINT', { POLARDB_ENDPOINT: '-polardb.example:443' })).toEqual([
      'POLARDB_ENDPOINT: has an invalid host: must be a host name or an IPv4 address, e.g. polardb.aliyuncs.com',
    ]);
  });

  it('accepts a Temporal address as host name, IPv4 or bracketed IPv6 with a port', () => {
    for (const address of [
      '127.0.0.1:7233',
      'temporal:7233',
      'my_ns.tmprl.cloud:7233',
      '[::1]:7233',
      '[fe80::1]:65535',
    ]) {
      expect(problemsWith('TEMPORAL_ADDRESS', { TEMPORAL_ADDRESS: address })).toEqual([]);
    }
  });

  it('refuses a Temporal address that is not host:port, naming the variable and the reason', () => {
    const cases: [string, string][] = [
      ['not a host', 'has an invalid host: must be a host name, an IPv4 address or a bracketed IPv6 address'],
      ['999.1.1.1:7233', 'has an invalid host'],
      ['[not-ipv6]:7233', 'has an invalid host'],
      ['temporal', 'has no port: must be host:port, e.g. 127.0.0.1:7233'],
      ['temporal:0', 'has an invalid port: must be a whole number from 1 to 65535'],
      ['temporal:65536', 'has an invalid port'],
      ['::1:7233', 'must be host:port with an IPv6 address in brackets'],
      ['http://temporal:7233', 'must be host:port without scheme or path'],
    ];
    for (const [address, reason] of cases) {
      const problems = problemsWith('TEMPORAL_ADDRESS', { TEMPORAL_ADDRESS: address });
      expect(problems).toHaveLength(1);
      expect(problems[0]).toContain(`TEMPORAL_ADDRESS: ${reason}`);
    }
  });
});
