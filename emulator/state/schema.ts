/**
 * Shape of the persisted emulator state. The schema is the single source of the record types, and loading a
 * state file goes through it, so a hand-edited or truncated file fails loudly instead of half-working.
 */
import { z } from 'zod';

const epochMs = z.number().int().nonnegative();

const clusterRecord = z.object({
  id: z.string().startsWith('pc-'),
  regionId: z.string(),
  zoneId: z.string(),
  vpcId: z.string(),
  vSwitchId: z.string(),
  dataServiceId: z.string(),
  bucketName: z.string(),
  status: z.string(),
  createdAt: epochMs,
});

const datasetFileRecord = z.object({
  name: z.string().min(1),
  capacityBytes: z.number().int().nonnegative(),
  records: z.number().int().nonnegative(),
});

const datasetRecord = z.object({
  id: z.string().startsWith('pds-'),
  clusterId: z.string(),
  name: z.string().min(1),
  type: z.enum(['train', 'eval']),
  trainMode: z.enum(['sft', 'grpo', 'text']),
  createdAt: epochMs,
  files: z.array(datasetFileRecord),
});

const taskRecord = z.object({
  id: z.string().startsWith('pm-'),
  clusterId: z.string(),
  orderId: z.string(),
  taskName: z.string().optional(),
  kubeType: z.string(),
  modelSource: z.string(),
  modelName: z.string(),
  modelType: z.string().optional(),
  datasetPath: z.string().optional(),
  evalDatasetPath: z.string().optional(),
  runningParameter: z.string(),
  /** Optional create parameters echoed back (RegionId, ZoneId, VPCId, VSwitchId, ...), keyed by API name. */
  echoed: z.record(z.string(), z.string()),
  createdAt: epochMs,
  creatingMs: epochMs,
  runningMs: epochMs,
  failReason: z.string().optional(),
  /** A hang-task fault holds the task in this status until the faults are cleared. */
  hang: z.enum(['Creating', 'ACTIVATION']).optional(),
  /** Time an ACTIVATION hang added to the run: the completion moves, the earlier training steps keep their times. */
  heldMs: epochMs.optional(),
  /** list-lag fault: the task list shows the task only from this time on. */
  listedFrom: epochMs.optional(),
  /** vanish-task fault: from this time on the task is gone, as if deleted. */
  vanishAt: epochMs.optional(),
});

const nonceRecord = z.object({ accessKeyId: z.string(), nonce: z.string(), at: epochMs });

const stsTokenRecord = z.object({
  accessKeyId: z.string().startsWith('STS.'),
  accessKeySecret: z.string().min(1),
  securityToken: z.string().min(1),
  /** The permanent AccessKey the token was issued for. */
  parentAccessKeyId: z.string(),
  expiresAt: epochMs,
});

/** Version 1 of the state file. */
export const stateSchema = z.object({
  version: z.literal(1),
  clusters: z.array(clusterRecord),
  datasets: z.array(datasetRecord),
  tasks: z.array(taskRecord),
  nonces: z.array(nonceRecord),
  // Added after the first state files were written; older files simply have no tokens.
  stsTokens: z.array(stsTokenRecord).default([]),
});

/** A parent PolarDB (`pc-`) cluster. */
export type ClusterRecord = z.infer<typeof clusterRecord>;
/** A registered dataset (`pds-`) and its files. */
export type DatasetRecord = z.infer<typeof datasetRecord>;
/** One file of a dataset. */
export type DatasetFileRecord = z.infer<typeof datasetFileRecord>;
/** A model-operator task (`pm-`). Its status is derived from the timestamps, never stored. */
export type TaskRecord = z.infer<typeof taskRecord>;
/** A nonce seen from one AccessKey, kept for the replay window. */
export type NonceRecord = z.infer<typeof nonceRecord>;
/** Temporary credentials minted by the emulator's STS stand-in. */
export type StsTokenRecord = z.infer<typeof stsTokenRecord>;
/** Everything a restart must not lose. */
export type EmulatorState = z.infer<typeof stateSchema>;
