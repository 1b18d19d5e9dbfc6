import { parseArgs } from 'node:util';

/** Settings of the `npm run emulator` process, from flags first, then environment, then defaults. */
export interface CliSettings {
  host: string;
  port: number;
  stateFile: string;
  /** Undefined = the demo key. */
  accessKeys?: Record<string, string>;
  creatingMs?: number;
  runningMs?: number;
  help: boolean;
}

/** A flag or variable that cannot be used. The message never repeats a secret. */
export class CliUsageError extends Error {
  override readonly name = 'CliUsageError';
}

/** The CLI's own port (the library picks a free one) so the worker's default endpoint finds it. */
export const DEFAULT_CLI_PORT = 18080;

/** Relative to the working directory; `.local/` is ignored by git. */
export const DEFAULT_STATE_FILE = '.local/emulator/state.json';

/** Usage text printed by `--help`. */
export const USAGE = `Usage: npm run emulator -- [options]

  --port <n>              POLARDB_EMULATOR_PORT          default ${DEFAULT_CLI_PORT} (0 = any free port)
  --host <addr>           POLARDB_EMULATOR_HOST          default 127.0.0.1 (loopback only)
  --state-file <path>     POLARDB_EMULATOR_STATE_FILE    default ${DEFAULT_STATE_FILE}
  --access-key <ID:SECRET> (repeatable)
                          POLARDB_EMULATOR_ACCESS_KEYS   comma-separated ID:SECRET; default the demo key
  --creating-ms <n>       POLARDB_EMULATOR_CREATING_MS   default 2000
  --running-ms <n>        POLARDB_EMULATOR_RUNNING_MS    default 8000
  --help`;

function integer(name: string, text: string, max: number): number {
  if (!/^\d+$/.test(text) || Number(text) > max)
    throw new CliUsageError(`${name} must be an integer from 0 to ${max}.`);
  return Number(text);
}

function accessKeysFrom(pairs: readonly string[], source: string): Record<string, string> {
  const keys: Record<string, string> = {};
  for (const pair of pairs) {
    const separator = pair.indexOf(':');
    const id = pair.slice(0, separator);
    // Only the position is reported: the value may hold a secret.
    if (separator <= 0 || separator === pair.length - 1) throw new CliUsageError(`${source} expects ID:SECRET.`);
    keys[id] = pair.slice(separator + 1);
  }
  return keys;
}

/** Reads flags (`argv` without the node and script paths) and environment into settings. */
export function parseCliSettings(argv: readonly string[], env: NodeJS.ProcessEnv): CliSettings {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        'state-file': { type: 'string' },
        'access-key': { type: 'string', multiple: true },
        'creating-ms': { type: 'string' },
        'running-ms': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    });
  } catch (error) {
    // parseArgs names the offending flag, never its value.
    throw new CliUsageError(error instanceof Error ? error.message : String(error));
  }
  const flags = parsed.values;

  const keyFlags = flags['access-key'];
  const keyEnv = env.POLARDB_EMULATOR_ACCESS_KEYS;
  const accessKeys =
    keyFlags !== undefined
      ? accessKeysFrom(keyFlags, '--access-key')
      : keyEnv
        ? accessKeysFrom(
            keyEnv.split(',').map((pair) => pair.trim()),
            'POLARDB_EMULATOR_ACCESS_KEYS',
          )
        : undefined;
  const creating = flags['creating-ms'] ?? env.POLARDB_EMULATOR_CREATING_MS;
  const running = flags['running-ms'] ?? env.POLARDB_EMULATOR_RUNNING_MS;
  const maxDuration = 7 * 24 * 3600 * 1000;

  return {
    host: flags.host ?? env.POLARDB_EMULATOR_HOST ?? '127.0.0.1',
    port: integer('The port', flags.port ?? env.POLARDB_EMULATOR_PORT ?? String(DEFAULT_CLI_PORT), 65535),
    stateFile: flags['state-file'] ?? env.POLARDB_EMULATOR_STATE_FILE ?? DEFAULT_STATE_FILE,
    ...(accessKeys && { accessKeys }),
    ...(creating !== undefined && { creatingMs: integer('--creating-ms', creating, maxDuration) }),
    ...(running !== undefined && { runningMs: integer('--running-ms', running, maxDuration) }),
    help: flags.help ?? false,
  };
}
