/** One file picked from the training dataset, with the number of samples to use when written `name#N`. */
export interface DataFile {
  name: string;
  samples?: number;
}

/** A file name (no `#`, no space at either end) and an optional `#N` with N a positive integer without leading zeros. */
const entryPattern = /^([^#\s](?:[^#]*[^#\s])?)(?:#([1-9][0-9]*))?$/;

/**
 * Reads `data_file_list`: file names inside the dataset separated by commas, each optionally suffixed `#N` (use N
 * samples). Spaces around names are refused, not trimmed: the server's splitting rule is undocumented and a name
 * with a stray space matches no file. A name listed twice is refused because it is unclear which count applies.
 * Returns the files, or the reason the text is refused.
 */
export function parseDataFileList(text: string): { files: DataFile[] } | { reason: string } {
  const files: DataFile[] = [];
  const entries = text.split(',');

  for (const [index, entry] of entries.entries()) {
    const match = entryPattern.exec(entry);
    const [, name, samples] = match ?? [];
    if (name === undefined || (samples !== undefined && !Number.isSafeInteger(Number(samples)))) {
      return {
        reason: `entry ${index + 1} (${JSON.stringify(entry)}) is not a file name optionally followed by '#N' with N a positive integer`,
      };
    }
    if (files.some((file) => file.name === name)) return { reason: `names the file ${JSON.stringify(name)} twice` };
    files.push(samples === undefined ? { name } : { name, samples: Number(samples) });
  }

  return { files };
}
