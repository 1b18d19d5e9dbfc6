/**
 * TaskName derivation. The name is how a pipeline recognises its own task after a lost answer, a retry
 * or a reset, so it must be a pure function of the workflow id (never the run id, which changes on
 * retry and reset) and must fit the API's limits: ASCII letters, digits, `-` and `_`, at most 64.
 */

const maxLength = 64;
const allowed = /^[A-Za-z0-9_-]+$/;

/** Returns the TaskName for a pipeline whose caller gave none. */
export function taskNameForWorkflow(workflowId: string): string {
  if (workflowId.length <= maxLength && allowed.test(workflowId)) return workflowId;

  // Keep the id readable and add a hash of the full id, so two ids that clean up alike stay apart.
  const hash = fnv1a32(workflowId).toString(16).padStart(8, '0');
  const cleaned = workflowId.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '');
  return `${cleaned.slice(0, maxLength - hash.length - 1)}-${hash}`.replace(/^-/, '');
}

/** FNV-1a over UTF-16 code units: tiny, deterministic and good enough to separate similar ids. */
function fnv1a32(value: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < value.length; index++) {
    hash ^= value.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}
