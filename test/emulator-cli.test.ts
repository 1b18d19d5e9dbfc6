import { requestLine, startBanner } from '../emulator/cli/banner';
import { CliUsageError, parseCliSettings } from '../emulator/cli/options';
import { DEMO_ACCESS_KEY_ID, DEMO_ACCESS_KEY_SECRET } from '../emulator';

describe('emulator CLI settings', () => {
  it('defaults to 127.0.0.1:18080 and the .local state file', () => {
    expect(parseCliSettings([], {})).toEqual({
      host: '127.0.0.1',
      port: 18080,
      stateFile: '.local/emulator/state.json',
      help: false,
    });
  });

  it('reads the environment, and flags win over it', () => {
    const env = {
      POLARDB_EMULATOR_PORT: '19000',
      POLARDB_EMULATOR_HOST: '::1',
      POLARDB_EMULATOR_STATE_FILE: '/tmp/s.json',
      POLARDB_EMULATOR_ACCESS_KEYS: 'KeyA:SecretA, KeyB:Secret:WithColon',
      POLARDB_EMULATOR_CREATING_MS: '10',
      POLARDB_EMULATOR_RUNNING_MS: '20',
    };
    expect(parseCliSettings([], env)).toEqual({
      host: '::1',
      port: 19000,
      stateFile: '/tmp/s.json',
      accessKeys: { KeyA: 'SecretA', KeyB: 'Secret:WithColon' },
      creatingMs: 10,
      runningMs: 20,
      help: false,
    });
    expect(
      parseCliSettings(['--port', '0', '--access-key', 'K1:S1', '--access-key', 'K2:S2', '--running-ms', '5'], env),
    ).toMatchObject({ port: 0, accessKeys: { K1: 'S1', K2: 'S2' }, runningMs: 5 });
  });

  it.each([
    [['--port', 'eighty']],
    [['--port', '70000']],
    [['--access-key', 'NoSecretHere']],
    [['--access-key', 'Id:']],
    [['--verbose']],
  ])('refuses %j', (argv) => {
    expect(() => parseCliSettings(argv, {})).toThrow(CliUsageError);
  });

  it('never repeats a malformed access key value in its message', () => {
    expect(() => parseCliSettings([], { POLARDB_EMULATOR_ACCESS_KEYS: 'TopSecretValue' })).toThrow(
      /^POLARDB_EMULATOR_ACCESS_KEYS expects ID:SECRET\.$/,
    );
  });

  it('prints the demo secret only for the demo key', () => {
    const demo = startBanner('127.0.0.1:18080', '/s.json', [DEMO_ACCESS_KEY_ID]);
    expect(demo).toContain(DEMO_ACCESS_KEY_SECRET);
    expect(demo).toContain('pc-2zedemo0000001');

    const custom = startBanner('127.0.0.1:18080', '/s.json', ['MyKey']);
    expect(custom).toContain('MyKey (secret not shown)');
    expect(custom).not.toContain(DEMO_ACCESS_KEY_SECRET);
  });

  it('prints one line per request', () => {
    const line = requestLine({
      time: '2026-01-15T08:00:00.000Z',
      action: 'CreateAIDBClusterTask',
      params: { DBClusterId: 'pc-1', TaskName: 'a b' },
      outcome: 'ok',
      httpStatus: 0,
      fault: 'drop-after-create',
    });
    expect(line).toBe(
      '2026-01-15T08:00:00.000Z CreateAIDBClusterTask ok 0 [fault drop-after-create] DBClusterId=pc-1 TaskName=a b',
    );
  });
});
