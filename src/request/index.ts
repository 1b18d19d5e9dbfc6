/**
 * The CreateAIDBClusterTask request schema. Pure and deterministic, so workflow code (through a local activity),
 * activities and client code can all import it.
 */
export type { DataFile } from './data-file-list';
export type { CreateTaskRequestInput } from './parameters';
export type { RequestIssue } from './request-issue';
export type { RunningParameterSummary } from './running-parameter';
export type { RunningParameterInput } from './running-parameter-schema';
export type { ValidatedCreateTaskRequest } from './create-task-request';

export { validateCreateTaskRequest } from './create-task-request';
export { InvalidRequestError } from './request-issue';
