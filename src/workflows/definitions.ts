import { defineQuery } from '@temporalio/workflow';
import type { PipelineProgress } from '../pipeline/types';

/** Where a pipeline is and what its task last reported. Clients and the Temporal UI can read it. */
export const progressQuery = defineQuery<PipelineProgress>('progress');
