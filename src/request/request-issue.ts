/** One segment of a path into the request: a parameter or JSON key, or an index into a JSON array. */
export type PathSegment = string | number;

/** One problem with a create-task request, addressed the way the caller wrote the request. */
export interface RequestIssue {
  /** Path from the request root, e.g. `RunningParameter.gpu_memory_utilization` or `RunningParameter.extra[0].a`. */
  path: string;
  /** Why the value is refused; reads as a sentence after the path (`path: message`). */
  message: string;
}

/**
 * Thrown when a request cannot be sent as it stands. It carries every issue found, not just the first, so a
 * caller (or an operator reading a failed workflow) can fix the request in one round. The message lists the
 * issues one per line as `path: reason`.
 */
export class InvalidRequestError extends Error {
  override readonly name = 'InvalidRequestError';
  readonly issues: RequestIssue[];

  constructor(issues: RequestIssue[]) {
    super(issues.map((issue) => `${issue.path}: ${issue.message}`).join('\n'));
    this.issues = issues;
  }
}

/** Writes a path the way a caller would index the request in code: keys joined by dots, array indices in brackets. */
export function formatPath(segments: readonly PathSegment[]): string {
  return segments.reduce<string>((path, segment) => {
    if (typeof segment === 'number') return `${path}[${segment}]`;
    return path === '' ? segment : `${path}.${segment}`;
  }, '');
}
