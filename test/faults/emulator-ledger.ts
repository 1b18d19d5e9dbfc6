import type { RequestLogEntry } from '../../emulator';

/**
 * Every API request the emulator answered during the suite, kept here rather than read back from the
 * emulator, whose own log keeps only the last 5000 entries and restarts empty with the emulator.
 */
export class EmulatorLedger {
  private readonly entries: RequestLogEntry[] = [];

  /** Pass as the emulator's `onRequest`. */
  readonly record = (entry: RequestLogEntry): void => {
    this.entries.push(entry);
  };

  /** A position in the ledger; {@link since} returns what was recorded after it. */
  mark(): number {
    return this.entries.length;
  }

  since(mark: number): RequestLogEntry[] {
    return this.entries.slice(mark);
  }

  /**
   * Task ids each TaskName's creates produced, including creates whose answer was dropped or held and
   * tasks deleted or vanished since: the evidence for duplicates that `tasks()` alone would miss.
   */
  createdIdsByName(): Map<string, string[]> {
    const byName = new Map<string, string[]>();
    for (const entry of this.entries) {
      if (entry.action !== 'CreateAIDBClusterTask' || !entry.createdId) continue;
      const name = entry.params.TaskName ?? '';
      byName.set(name, [...(byName.get(name) ?? []), entry.createdId]);
    }
    return byName;
  }
}

/** API calls by action, in the order a pipeline makes them, then any other action by name. */
export function callsByAction(entries: RequestLogEntry[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const entry of entries)
    counts.set(entry.action || '(unnamed)', (counts.get(entry.action || '(unnamed)') ?? 0) + 1);
  const order = [
    'DescribeAIDBClusterDatasets',
    'DescribeAIDBClusterTasks',
    'CreateAIDBClusterTask',
    'DescribeAIDBClusterTaskAttribute',
    'DescribeAIDBClusterTaskMetrics',
    'DescribeAIDBClusterTaskLogFiles',
    'DeleteAIDBClusterTask',
  ];
  const rank = (action: string): number => (order.includes(action) ? order.indexOf(action) : order.length);
  return new Map([...counts].sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b)));
}
