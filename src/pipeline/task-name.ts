/**
 * TaskName derivation. The name is how a pipeline recognises its own task after a lost answer, a retry
 * or a reset, so it must be a pure function of the workflow id (never the run id, which changes on
 * retry and reset), fit the API's limits (ASCII letters, digits, `-` and `_`, at most 64), and never
 * give two workflow ids the same name: otherwise one job would silently adopt another job's task.
 *
 * Letters, digits and `-` are kept; `_` becomes `__` and any other character `_xx` per UTF-8 byte, so
 * the mapping can be undone and no two ids share a name. An id whose name would exceed 64 characters
 * keeps a prefix and ends in `_h` plus a hash of the whole id; `_h` never occurs in an escaped name.
 */

const maxLength = 64;
const hashMarker = '_h';

/** Returns the TaskName for a pipeline whose caller gave none. */
export function taskNameForWorkflow(workflowId: string): string {
  const escaped = escapeId(workflowId);
  if (escaped.length <= maxLength) return escaped;

  const hash = fnv1a32(workflowId).toString(16).padStart(8, '0');
  let prefix = escaped.slice(0, maxLength - hashMarker.length - hash.length);
  // Never end the prefix inside an escape, so the marker cannot be read as part of one.
  prefix = prefix.replace(/_[0-9a-f]?$/, '');
  if (/(^|[^_])(__)*_$/.test(prefix)) prefix = prefix.slice(0, -1);
  return `${prefix}${hashMarker}${hash}`;
}

function escapeId(workflowId: string): string {
  let escaped = '';
  for (const character of workflowId) {
    if (/^[A-Za-z0-9-]$/.test(character)) escaped += character;
    else if (character === '_') escaped += '__';
    else for (const byte of utf8(character)) escaped += `_${byte.toString(16).padStart(2, '0')}`;
  }
  return escaped;
}

/** UTF-8 bytes of one character, without TextEncoder (not guaranteed in the workflow sandbox). */
function utf8(character: string): number[] {
  const code = character.codePointAt(0) ?? 0;
  if (code < 0x80) return [code];
  if (code < 0x800) return [0xc0 | (code >> 6), 0x80 | (code & 0x3f)];
  if (code < 0x10000) return [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)];
  return [0xf0 | (code >> 18), 0x80 | ((code >> 12) & 0x3f), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)];
}

/** FNV-1a over UTF-16 code units: tiny, deterministic and good enough to separate long ids. */
function fnv1a32(value: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < value.length; index++) {
    hash ^= value.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}
