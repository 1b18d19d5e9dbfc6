import type { PathSegment } from './request-issue';

/** What {@link scanJsonObjectText} learns from JSON text that `JSON.parse` cannot tell. */
export interface JsonObjectScan {
  /**
   * Where a key repeats inside one object, as the path to the repeated key (one entry per extra occurrence).
   * `JSON.parse` silently keeps the last value; the server's parser may keep another, so a repeat is ambiguous.
   */
  duplicateKeys: PathSegment[][];
  /** The source text of each top-level member's value, trimmed: `1.0` stays `1.0`, where `JSON.parse` gives 1. */
  memberTexts: Map<string, string>;
}

type Frame =
  { kind: 'object'; keys: Set<string>; key: string; expectingKey: boolean } | { kind: 'array'; index: number };

/**
 * Walks JSON text that `JSON.parse` has already accepted (validity is not re-checked) and whose top level is an
 * object. Only strings and the structural characters matter: strings are skipped whole, so braces or commas inside
 * them are never mistaken for structure, and keys are decoded with `JSON.parse` so `"a"` and `"\u0061"` count as
 * the same key.
 */
export function scanJsonObjectText(text: string): JsonObjectScan {
  const duplicateKeys: PathSegment[][] = [];
  const memberTexts = new Map<string, string>();
  const stack: Frame[] = [];
  let memberStart = -1;

  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    const top = stack[stack.length - 1];

    if (char === '"') {
      const end = closingQuote(text, i);
      if (top?.kind === 'object' && top.expectingKey) {
        const key = JSON.parse(text.slice(i, end + 1)) as string;
        if (top.keys.has(key)) duplicateKeys.push([...pathTo(stack), key]);
        top.keys.add(key);
        top.key = key;
        top.expectingKey = false;
      }
      i = end;
    } else if (char === '{') {
      stack.push({ kind: 'object', keys: new Set(), key: '', expectingKey: true });
    } else if (char === '[') {
      stack.push({ kind: 'array', index: 0 });
    } else if (char === ':' && stack.length === 1) {
      memberStart = i + 1;
    } else if ((char === ',' || char === '}' || char === ']') && top !== undefined) {
      if (stack.length === 1 && memberStart >= 0 && top.kind === 'object') {
        memberTexts.set(top.key, text.slice(memberStart, i).trim());
        memberStart = -1;
      }
      if (char !== ',') stack.pop();
      else if (top.kind === 'object') top.expectingKey = true;
      else top.index += 1;
    }
  }

  return { duplicateKeys, memberTexts };
}

/** Index of the quote that ends the string starting at `start`; a backslash always escapes the next character. */
function closingQuote(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
  return i;
}

/** The path to the object at the top of the stack: each enclosing object's current key or array's current index. */
function pathTo(stack: readonly Frame[]): PathSegment[] {
  return stack.slice(0, -1).map((frame) => (frame.kind === 'object' ? frame.key : frame.index));
}
