import { readFileSync } from 'node:fs';

import { REPLAY_WINDOW_MS } from '../constants';
import { writeFileAtomically } from './atomic-write';
import { stateSchema } from './schema';

import type { NonceLedger } from '../signature/checks';
import type { StsTokenLedger } from '../sts/token-book';
import type { ClusterRecord, DatasetRecord, EmulatorState, StsTokenRecord, TaskRecord } from './schema';

/** How long an expired STS token is still recognised as "expired" before it is forgotten. */
const expiredTokenRetentionMs = 24 * 3600 * 1000;

/** Thrown when a state file exists but cannot be used; the emulator refuses to start rather than overwrite it. */
export class StateFileError extends Error {
  override readonly name = 'StateFileError';
}

/** Reads a state file; undefined when it does not exist yet. */
function readStateFile(file: string): EmulatorState | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }

  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new StateFileError(`State file ${file} is not valid JSON; move it away to start from the seed.`);
  }

  const parsed = stateSchema.safeParse(json);
  if (!parsed.success) {
    throw new StateFileError(`State file ${file} does not hold emulator state: ${parsed.error.message}`);
  }
  return parsed.data;
}

/**
 * The emulator's data: clusters, datasets, tasks and recent nonces. Every mutation is written through to the
 * state file (when there is one) before the caller answers, so a restarted emulator continues where it stopped.
 */
export class StateStore implements NonceLedger, StsTokenLedger {
  private readonly nonces = new Map<string, Map<string, number>>();

  private constructor(
    private readonly state: EmulatorState,
    private readonly file: string | undefined,
  ) {
    for (const { accessKeyId, nonce, at } of state.nonces) this.noncesOf(accessKeyId).set(nonce, at);
  }

  /** Loads `file`, or seeds a new state (and writes it) when the file does not exist. No file = memory only. */
  static open(file: string | undefined, seed: () => EmulatorState): StateStore {
    const loaded = file === undefined ? undefined : readStateFile(file);
    const store = new StateStore(loaded ?? seed(), file);
    if (loaded === undefined) store.persist();
    return store;
  }

  cluster(id: string): ClusterRecord | undefined {
    return this.state.clusters.find((cluster) => cluster.id === id);
  }

  dataset(id: string): DatasetRecord | undefined {
    return this.state.datasets.find((dataset) => dataset.id === id);
  }

  datasetsOf(clusterId: string): DatasetRecord[] {
    return this.state.datasets.filter((dataset) => dataset.clusterId === clusterId);
  }

  addDataset(dataset: DatasetRecord): void {
    this.state.datasets.push(dataset);
    this.persist();
  }

  /** Removes a dataset; false when it did not exist. */
  removeDataset(id: string): boolean {
    const index = this.state.datasets.findIndex((dataset) => dataset.id === id);
    if (index < 0) return false;

    this.state.datasets.splice(index, 1);
    this.persist();
    return true;
  }

  task(id: string): TaskRecord | undefined {
    return this.state.tasks.find((task) => task.id === id);
  }

  /** Tasks in creation order. */
  tasks(): readonly TaskRecord[] {
    return this.state.tasks;
  }

  addTask(task: TaskRecord): void {
    this.state.tasks.push(task);
    this.persist();
  }

  /** Removes a task; false when it did not exist. */
  removeTask(id: string): boolean {
    const index = this.state.tasks.findIndex((task) => task.id === id);
    if (index < 0) return false;

    this.state.tasks.splice(index, 1);
    this.persist();
    return true;
  }

  /** Changes a stored task in place and saves the change; false when the task does not exist. */
  updateTask(id: string, change: (task: TaskRecord) => void): boolean {
    const task = this.task(id);
    if (!task) return false;

    change(task);
    this.persist();
    return true;
  }

  /** Makes a task end FAILED with `reason` instead of COMPLETED; false when the task does not exist. */
  failTask(id: string, reason: string): boolean {
    return this.updateTask(id, (task) => {
      task.failReason = reason;
    });
  }

  stsToken(accessKeyId: string): StsTokenRecord | undefined {
    return this.state.stsTokens.find((token) => token.accessKeyId === accessKeyId);
  }

  /** Ends every token still valid at `nowMs`, as a server-side revocation would; answers how many. */
  expireStsTokens(nowMs: number): number {
    const live = this.state.stsTokens.filter((token) => token.expiresAt > nowMs);
    for (const token of live) token.expiresAt = nowMs;
    if (live.length > 0) this.persist();
    return live.length;
  }

  /**
   * Keeps a minted token. Tokens long past their expiry are dropped at the same time; until then an expired token
   * is still recognised, so its use is answered `InvalidSecurityToken.Expired` rather than `.Malformed`.
   */
  addStsToken(token: StsTokenRecord, nowMs: number): void {
    this.state.stsTokens = this.state.stsTokens.filter((kept) => nowMs - kept.expiresAt < expiredTokenRetentionMs);
    this.state.stsTokens.push(token);
    this.persist();
  }

  isUsed(accessKeyId: string, nonce: string, nowMs: number): boolean {
    const seen = this.noncesOf(accessKeyId);
    for (const [oldNonce, at] of seen) {
      if (nowMs - at > REPLAY_WINDOW_MS) seen.delete(oldNonce);
    }
    return seen.has(nonce);
  }

  remember(accessKeyId: string, nonce: string, nowMs: number): void {
    this.noncesOf(accessKeyId).set(nonce, nowMs);
    this.persist();
  }

  private noncesOf(accessKeyId: string): Map<string, number> {
    let seen = this.nonces.get(accessKeyId);
    if (!seen) {
      seen = new Map();
      this.nonces.set(accessKeyId, seen);
    }
    return seen;
  }

  private persist(): void {
    if (this.file === undefined) return;

    this.state.nonces = [...this.nonces].flatMap(([accessKeyId, seen]) =>
      [...seen].map(([nonce, at]) => ({ accessKeyId, nonce, at })),
    );
    writeFileAtomically(this.file, `${JSON.stringify(this.state, null, 2)}\n`);
  }
}
