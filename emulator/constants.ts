/** The only API version PolarDB serves for the model-operator family; anything else is refused with InvalidVersion. */
export const API_VERSION = '2017-08-01';

/** Engine name reported by every task (§1). */
export const ENGINE = 'polardb_ai';

/** Engine version of model-operator tuning (§1). */
export const ENGINE_VERSION = '3.1';

/** `KindCode` of a task; the detail answer carries it as a JSON integer, not a string (§5). */
export const KIND_CODE = 18;

/** Window in which a request date is accepted and a nonce may not be reused (§11.2, ±15 minutes). */
export const REPLAY_WINDOW_MS = 15 * 60 * 1000;
