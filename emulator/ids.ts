import { randomInt, randomUUID } from 'node:crypto';

const idAlphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** Lower-case alphanumerics, the shape that follows the `pm-`/`pds-` prefixes in documented ids. */
function randomSuffix(length: number): string {
  let suffix = '';
  for (let i = 0; i < length; i += 1) suffix += idAlphabet.charAt(randomInt(idAlphabet.length));
  return suffix;
}

/** A fresh task id (`pm-` + 14 characters) that `isTaken` does not know yet. */
export function newTaskId(isTaken: (id: string) => boolean): string {
  for (;;) {
    const id = `pm-${randomSuffix(14)}`;
    if (!isTaken(id)) return id;
  }
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
