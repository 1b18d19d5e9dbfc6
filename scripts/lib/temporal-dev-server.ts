import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';

import { pipelineSearchAttributes } from '../../src/search-attributes';
import { resolveTemporalBinary } from './temporal-binary';
import { missingSearchAttributes, waitForFrontend } from './temporal-frontend';
import type { TemporalLog } from './temporal-log';
import { freePort } from './temporal-ports';

/** The dev server and everything it opens (gRPC, HTTP, UI, metrics) bind to loopback only. */
const loopback = '127.0.0.1';
const defaultNamespace = 'default';

/** A cold start (fresh SQLite file) takes a few seconds; a loaded CI machine may take much longer. */
const readyTimeoutMs = 60_000;
/** The server drains its internal workers on SIGTERM, which takes a few seconds. */
const stopGraceMs = 10_000;
const startAttempts = 3;
const outputTailLines = 40;

/** A Temporal frontend this run may use, whether it started it or not. */
export interface TemporalServer {
  /** `host:port` of the gRPC frontend. */
  address: string;
  namespace: string;
  /** Web UI, when known. */
  uiUrl: string | undefined;
  /** Where this server comes from, for the line a script prints (e.g. the CLI binary's path). */
  origin: string;
  /** Stops the server if this run started it; safe to call twice. */
  stop(): Promise<void>;
}

/** A dev server this process started; it always has a UI. */
export interface DevServer extends TemporalServer {
  uiUrl: string;
}

export interface StartDevServerOptions {
  /** Folder for the server's SQLite file; keep it under the git-ignored `.local/`. */
  stateDir: string;
  /** Extra namespace to create; `default` always exists. */
  namespace?: string;
  log: TemporalLog;
  /** Temporal CLI to run; resolved (and built if need be) when omitted. */
  binary?: string;
  /** Fixed ports; free loopback ports are picked when omitted. */
  port?: number;
  uiPort?: number;
}

/** The dev server exited or never answered; the message carries the command and its output tail. */
export class DevServerStartFailed extends Error {
  override readonly name = 'DevServerStartFailed';
  constructor(
    message: string,
    readonly portTaken: boolean,
  ) {
    super(message);
  }
}

/**
 * Starts `temporal server start-dev` on 127.0.0.1 with the pipeline search attributes registered,
 * and resolves once its frontend answers. The server's version check is switched off, so it contacts
 * nothing outside this machine.
 */
export async function startDevServer(options: StartDevServerOptions): Promise<DevServer> {
  const binary = options.binary ?? (await resolveTemporalBinary(options.log));
  await mkdir(options.stateDir, { recursive: true });

  for (let attempt = 1; ; attempt++) {
    try {
      return await startOnce(binary, options);
    } catch (error) {
      const retry =
        error instanceof DevServerStartFailed && error.portTaken && !options.port && attempt < startAttempts;
      if (!retry) throw error;
      options.log('Another process took the dev server port before it bound; retrying on new ports', { attempt });
    }
  }
}

async function startOnce(binary: string, options: StartDevServerOptions): Promise<DevServer> {
  const { log } = options;
  const namespace = options.namespace ?? defaultNamespace;
  const port = options.port ?? (await freePort());
  let uiPort = options.uiPort ?? (await freePort());
  while (uiPort === port) uiPort = await freePort();

  const address = `${loopback}:${port}`;
  const args = devServerArgs({ port, uiPort, namespace, dbFile: path.join(options.stateDir, 'temporal.db') });
  // The version-check setting's default comes from this variable; set it too, in case dynamic config is overridden.
  const env = { ...process.env, TEMPORAL_VERSION_CHECK_DISABLED: '1' };
  const child = spawn(binary, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const output = captureTail(child);

  let exitReason: string | undefined;
  // Until the server is ready, an exit is reported by the start-up error instead.
  let reportExit = false;
  const exited = new Promise<void>((resolve) => {
    child.once('error', (error) => {
      exitReason = `could not be started: ${error.message}`;
      resolve();
    });
    child.once('exit', (code, signal) => {
      exitReason = `exited with ${signal ?? `code ${code}`}`;
      if (reportExit) log('Temporal dev server stopped on its own', { address, reason: exitReason, output: output() });
      resolve();
    });
  });

  // Never leave a server behind when this process ends without calling stop().
  const killOnExit = (): void => void child.kill('SIGKILL');
  process.on('exit', killOnExit);
  const stop = async (): Promise<void> => {
    reportExit = false;
    process.off('exit', killOnExit);
    await stopChild(child, exited, log);
  };

  try {
    await waitForFrontend({
      address,
      namespace,
      timeoutMs: readyTimeoutMs,
      abandon: () => exitReason && `Temporal dev server ${exitReason}`,
    });
  } catch (error) {
    await stop();
    const tail = output();
    throw new DevServerStartFailed(
      `${(error as Error).message}\nCommand: ${binary} ${args.join(' ')}\nLast output of the server:\n${tail}`,
      /address already in use/i.test(tail),
    );
  }

  reportExit = true;
  let stopped: Promise<void> | undefined;
  return {
    address,
    namespace,
    uiUrl: `http://${loopback}:${uiPort}`,
    origin: `dev server from ${binary}`,
    stop: () => (stopped ??= stop()),
  };
}

function devServerArgs(options: { port: number; uiPort: number; namespace: string; dbFile: string }): string[] {
  const namespaces = [...new Set([defaultNamespace, options.namespace])].flatMap((name) => ['--namespace', name]);
  const searchAttributes = Object.entries(pipelineSearchAttributes).flatMap(([name, type]) => [
    '--search-attribute',
    `${name}=${type}`,
  ]);
  return [
    ...['server', 'start-dev', '--ip', loopback, '--port', String(options.port), '--ui-port', String(options.uiPort)],
    ...['--db-filename', options.dbFile, ...namespaces, '--log-level', 'warn'],
    ...['--dynamic-config-value', 'frontend.enableServerVersionCheck=false', ...searchAttributes],
  ];
}

/** Keeps the last lines the server printed, for error messages; returns a reader of them. */
function captureTail(child: ChildProcess): () => string {
  const lines: string[] = [];
  const keep = (line: string): void => {
    lines.push(line);
    if (lines.length > outputTailLines) lines.shift();
  };
  if (child.stdout) createInterface({ input: child.stdout }).on('line', keep);
  if (child.stderr) createInterface({ input: child.stderr }).on('line', keep);
  return () => lines.join('\n');
}

async function stopChild(child: ChildProcess, exited: Promise<void>, log: TemporalLog): Promise<void> {
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  const timer = setTimeout(() => {
    log('Temporal dev server ignored SIGTERM; killing it', { pid: child.pid, graceMs: stopGraceMs });
    child.kill('SIGKILL');
  }, stopGraceMs);
  await exited;
  clearTimeout(timer);
}

export interface EnsureTemporalOptions {
  stateDir: string;
  namespace?: string;
  log: TemporalLog;
}

/**
 * The Temporal server this run should use: the one at env `TEMPORAL_ADDRESS` when set (started by
 * someone else, so stop() leaves it alone; UI from `TEMPORAL_UI_URL`), otherwise a dev server started
 * here with its state in `stateDir`.
 */
export async function ensureTemporal(options: EnsureTemporalOptions): Promise<TemporalServer> {
  const address = process.env.TEMPORAL_ADDRESS;
  if (!address) return startDevServer(options);

  const namespace = options.namespace ?? defaultNamespace;
  try {
    await waitForFrontend({ address, namespace, timeoutMs: 15_000 });
  } catch (error) {
    throw new Error(
      `TEMPORAL_ADDRESS=${address} does not answer (${(error as Error).message}). Start that server, or unset TEMPORAL_ADDRESS to let this run start its own dev server.`,
    );
  }

  const missing = await missingSearchAttributes(address, namespace);
  if (missing.length > 0) {
    const flags = missing.map(
      (name) => `--name ${name} --type ${pipelineSearchAttributes[name as keyof typeof pipelineSearchAttributes]}`,
    );
    options.log('The server at TEMPORAL_ADDRESS lacks pipeline search attributes; workflows that set them will fail', {
      address,
      namespace,
      missing,
      fix: `temporal operator search-attribute create --address ${address} --namespace ${namespace} ${flags.join(' ')}`,
    });
  }

  return {
    address,
    namespace,
    uiUrl: process.env.TEMPORAL_UI_URL || undefined,
    origin: 'TEMPORAL_ADDRESS',
    stop: () => Promise.resolve(),
  };
}
