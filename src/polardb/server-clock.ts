/**
 * Reads the server's clock from the `Date` header of any answer (an unsigned request is refused, but
 * the refusal still carries the header), so a clock-skew refusal can say how far off this machine is.
 */
export async function readServerClock(baseUrl: string, timeoutMs: number): Promise<Date | undefined> {
  try {
    const response = await fetch(baseUrl, { method: 'POST', signal: AbortSignal.timeout(timeoutMs) });
    await response.arrayBuffer();
    const header = response.headers.get('date');
    const parsed = header ? new Date(header) : undefined;
    return parsed && !Number.isNaN(parsed.getTime()) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/** One sentence an operator can act on: both clocks and the difference. */
export function describeClockSkew(local: Date, server: Date | undefined): string {
  if (!server) return `local time ${local.toISOString()}, server time unknown; check this machine's clock (NTP)`;
  const offSeconds = Math.round((local.getTime() - server.getTime()) / 1000);
  const direction = offSeconds > 0 ? 'ahead of' : 'behind';
  return `local time ${local.toISOString()} is ${Math.abs(offSeconds)} s ${direction} server time ${server.toISOString()}; fix this machine's clock (NTP)`;
}
