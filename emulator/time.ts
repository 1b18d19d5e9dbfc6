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
