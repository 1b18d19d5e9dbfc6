/**
 * How the Temporal helpers report progress. Scripts and the jest set-up print it to the terminal;
 * a test may collect it instead. The metadata carries what an operator needs to act (paths, ports,
 * versions, elapsed time), never a secret.
 */
export type TemporalLog = (message: string, meta?: Record<string, unknown>) => void;

/** A log that writes `[source] Message key=value …` lines to stderr, keeping stdout for results. */
export function terminalLog(source: string): TemporalLog {
  return (message, meta) => {
    const details = Object.entries(meta ?? {})
      .filter(([, value]) => value !== undefined)
      .map(([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`)
      .join(' ');
    console.error(`[${source}] ${message}${details ? ` ${details}` : ''}`);
  };
}

/** Seconds since `startedAt` (a `Date.now()` value), rounded for humans: `12.3s`. */
export function elapsedSince(startedAt: number): string {
  return `${((Date.now() - startedAt) / 1000).toFixed(1)}s`;
}
