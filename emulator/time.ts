/** Formats epoch milliseconds the way the API prints times: UTC, second precision (`2025-11-12T03:45:13Z`). */
export function isoSeconds(epochMs: number): string {
  return new Date(epochMs).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

const isoSecondsPattern = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})Z$/;

/**
 * Parses a time in exactly the format {@link isoSeconds} prints. Anything else (fractions, offsets, impossible
 * dates such as month 13) gives undefined, so a sloppy client is caught rather than silently accepted.
 */
export function parseIsoSeconds(text: string): number | undefined {
  if (!isoSecondsPattern.test(text)) return undefined;

  const epochMs = Date.parse(text);
  if (Number.isNaN(epochMs) || isoSeconds(epochMs) !== text) return undefined;
  return epochMs;
}

/**
 * The nanosecond `LogTime` of log and metric items (`2026-01-15T14:13:50.830295892Z`). The emulator clock has
 * millisecond resolution, so the caller supplies the six digits below the millisecond.
 */
export function isoNanos(epochMs: number, subMillisecondNanos: number): string {
  const nanos = String(Math.min(999_999, Math.max(0, Math.trunc(subMillisecondNanos)))).padStart(6, '0');
  return `${new Date(epochMs).toISOString().slice(0, -1)}${nanos}Z`;
}

/** The UNIX-seconds `Timestamp` string of log and metric items. */
export function unixSeconds(epochMs: number): string {
  return String(Math.floor(epochMs / 1000));
}
