import type { PathSegment, RequestIssue } from './request-issue';

import { formatPath } from './request-issue';

/** The keys one object may hold, and how to word an issue about a key that is not among them. */
export interface KnownKeys {
  /** Path of the object holding the keys; empty for the root of what is checked. */
  parent: readonly PathSegment[];
  /** What each key is, as it reads after "is not": `a CreateAIDBClusterTask parameter`, `a polling option`. */
  noun: string;
  keys: readonly string[];
}

/**
 * Explains a key that is not one of `known`. Unknown keys are refused rather than dropped: a misspelt optional key
 * (say `ZoneID`) would otherwise vanish and the task would quietly run with the server's default.
 */
export function unknownKeyIssue(key: string, known: KnownKeys): RequestIssue {
  return {
    path: formatPath([...known.parent, key]),
    message: `is not ${known.noun}${didYouMean(suggestKey(key, known.keys))}`,
  };
}

/** The hint appended to an issue about a key, empty when there is nothing to suggest. */
export function didYouMean(suggestion: string | undefined): string {
  return suggestion === undefined ? '' : `; did you mean '${suggestion}'?`;
}

/**
 * The known key that `key` spells differently only in letter case, `_`, `-` or spaces (`Learning_Rate`,
 * `learningRate` for `learning_rate`); undefined when `key` is exactly a known key or no such key exists. Where
 * unknown keys are otherwise allowed, this is the one mistake that is certain enough to refuse.
 */
export function respelledKey(key: string, knownKeys: readonly string[]): string | undefined {
  const suggestion = suggestKey(key, knownKeys);
  return suggestion !== undefined && suggestion !== key && normalise(suggestion) === normalise(key)
    ? suggestion
    : undefined;
}

/**
 * The known key the caller most likely meant: the same name in other letter case or with `_`/`-` (`dbClusterId`,
 * `db_cluster_id`), else the single closest name within a small edit distance (`DatasetPth`, `TaksName`); one edit
 * for names under six characters, two otherwise. Returns undefined when nothing is close or two names are equally
 * close, since a wrong hint is worse than none.
 */
export function suggestKey(key: string, knownKeys: readonly string[]): string | undefined {
  // Compared without case, '_' or '-', a wrongly cased name is at distance 0.
  const wanted = normalise(key);
  const allowed = wanted.length < 6 ? 1 : 2;
  let best: string | undefined;
  let bestDistance = Infinity;
  let tied = false;
  for (const known of knownKeys) {
    const distance = editDistance(wanted, normalise(known));
    if (distance < bestDistance) [best, bestDistance, tied] = [known, distance, false];
    else if (distance === bestDistance) tied = true;
  }

  return bestDistance <= allowed && !tied ? best : undefined;
}

function normalise(key: string): string {
  return key.toLowerCase().replace(/[-_\s]/g, '');
}

/** Edits (insert, delete, substitute, swap two neighbours) that turn `a` into `b`; optimal string alignment. */
export function editDistance(a: string, b: string): number {
  // rows[i][j] = distance between the first i characters of a and the first j of b.
  const rows = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  const at = (i: number, j: number): number => rows[i]?.[j] ?? Infinity;

  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const substitution = a[i - 1] === b[j - 1] ? 0 : 1;
      let distance = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + substitution);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        distance = Math.min(distance, at(i - 2, j - 2) + 1);
      }
      (rows[i] as number[])[j] = distance;
    }
  }

  return at(a.length, b.length);
}
