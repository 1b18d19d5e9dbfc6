import { z } from 'zod';

import type { RunningParameterInput } from './running-parameter-schema';

import { mustBe } from './values';

/** A string matching `pattern`, refused with one phrasing whether the type or the format is wrong. */
function matching(pattern: RegExp, expectation: string) {
  const reason = mustBe(expectation);
  return z.string({ error: reason }).regex(pattern, { error: reason });
}

/**
 * Free text: any string with a non-space character. An empty optional parameter is refused rather than sent, since
 * the server's reading of `ZoneId=` (default? error?) is undocumented; leave the parameter out instead.
 */
const text = () => matching(/\S/, 'a non-empty string').max(maxTextLength, { error: mustBe(textLengthRule) });

/**
 * Every parameter travels in the URL query. With RunningParameter's own bound (running-parameter-size.ts), this
 * keeps the whole query of a request under the 32 KiB that gateways (and the emulator) accept, whatever the text
 * holds (each non-ASCII byte takes three characters encoded). Real names and ids are far shorter.
 */
const maxTextLength = 128;
const textLengthRule = `a string of at most ${maxTextLength} characters`;

/**
 * Ids are the prefix plus lowercase letters and digits. The documented examples mask ids with `*`
 * (`pc-2ze88***`), which a real id never contains, so a copied example is refused here rather than by the server.
 */
const clusterId = matching(/^pc-[a-z0-9]+$/, "a cluster id: 'pc-' followed by lowercase letters and digits");
const datasetId = matching(/^pds-[a-z0-9]+$/, "a dataset id: 'pds-' followed by lowercase letters and digits");

/**
 * The API documents no limit for TaskName; spec §3 [I] keeps it to ASCII letters, digits, '-' and '_', at most 64
 * characters, so the name survives every list and console and can be matched exactly when looking for a task.
 */
const taskName = matching(/^[A-Za-z0-9_-]{1,64}$/, "at most 64 ASCII letters, digits, '-' or '_'");

/**
 * Every CreateAIDBClusterTask parameter of spec §3, with the API's exact names. Values must already be strings (the
 * API's own type); nothing is coerced. Unknown keys fail the parse and are explained by unknown-keys.ts.
 * RunningParameter is only declared here: it may be text or an object, and running-parameter.ts checks it.
 */
export const createTaskParametersSchema = z.strictObject({
  DBClusterId: clusterId,
  ModelSource: z.enum(['public', 'custom'], { error: mustBe("'public' or 'custom'") }),
  ModelName: text(),
  KubeType: z.literal('aitrain', { error: mustBe("'aitrain' (the only documented model-service type)") }),
  // Declared so it is a known key; running-parameter.ts checks it, including whether it is there at all.
  RunningParameter: z.unknown().optional(),
  ModelType: text().optional(),
  DatasetPath: datasetId.optional(),
  EvalDatasetPath: datasetId.optional(),
  TaskName: taskName.optional(),
  DBInstanceClass: text().optional(),
  ZoneId: text().optional(),
  VPCId: text().optional(),
  VSwitchId: text().optional(),
  SecurityGroupId: text().optional(),
  RegionId: text().optional(),
  TuneArch: text().optional(),
});

/** The API's parameter names in spec order, which is also the order of the parameters we send. */
export const createTaskParameterNames = createTaskParametersSchema.keyof().options;

/** Parameters after validation (RunningParameter still as given). */
export type CreateTaskParameters = z.output<typeof createTaskParametersSchema>;

/**
 * A CreateAIDBClusterTask request as a client-library user writes it: the API's parameter names and string values,
 * with RunningParameter as either the JSON text the API takes or an object that we serialise.
 */
export type CreateTaskRequestInput = Omit<z.input<typeof createTaskParametersSchema>, 'RunningParameter'> & {
  RunningParameter: string | RunningParameterInput;
};
