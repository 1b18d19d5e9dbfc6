import { randomInt, randomUUID } from 'node:crypto';

const idAlphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** Lower-case alphanumerics, the shape that follows the `pm-`/`pds-` prefixes in documented ids. */
function randomSuffix(length: number): string {
  let suffix = '';
  for (let i = 0; i < length; i += 1) suffix += idAlphabet.charAt(randomInt(idAlphabet.length));
  return suffix;
}

/** A fresh `<prefix>` + 14 characters id that `isTaken` does not know yet. */
function newPrefixedId(prefix: string, isTaken: (id: string) => boolean): string {
  for (;;) {
    const id = `${prefix}${randomSuffix(14)}`;
    if (!isTaken(id)) return id;
  }
}

/** A fresh task id (`pm-` + 14 characters). */
export function newTaskId(isTaken: (id: string) => boolean): string {
  return newPrefixedId('pm-', isTaken);
}

/** A fresh dataset id (`pds-` + 14 characters), the shape of the demo ids. */
export function newDatasetId(isTaken: (id: string) => boolean): string {
  return newPrefixedId('pds-', isTaken);
}

/** A billing order id: a numeric string without a leading zero, as in the documented examples. */
export function newOrderId(): string {
  let digits = String(randomInt(1, 10));
  for (let i = 0; i < 12; i += 1) digits += String(randomInt(10));
  return digits;
}

/** A request id in the cloud's format: an upper-case UUID. */
export function newRequestId(): string {
  return randomUUID().toUpperCase();
}
