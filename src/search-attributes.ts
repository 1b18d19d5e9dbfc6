import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

/**
 * Custom search attributes that pipelines set, so operators can find a pipeline by its cluster, its
 * remote task or its stage in the Temporal UI and CLI. The dev server registers exactly these (the
 * value is the CLI's type name); a production namespace must register them once (see README).
 */
export const pipelineSearchAttributes = {
  PolarDbClusterId: 'Keyword',
  PolarDbTaskId: 'Keyword',
  PipelineStage: 'Keyword',
} as const;

export type PipelineSearchAttributeName = keyof typeof pipelineSearchAttributes;

/** Typed keys for workflow code and client queries. */
export const searchAttributeKeys = {
  clusterId: defineSearchAttributeKey('PolarDbClusterId', SearchAttributeType.KEYWORD),
  taskId: defineSearchAttributeKey('PolarDbTaskId', SearchAttributeType.KEYWORD),
  stage: defineSearchAttributeKey('PipelineStage', SearchAttributeType.KEYWORD),
};
