import { validatePipelineInput } from '../src/pipeline/pipeline-input';
import { issuesFrom } from './support/request-issues';
import { pipelineFailure } from './support/pipeline-failure';
import { exampleRequest } from './support/example-request';
import { fastPolling, startPipelineHarness, uniqueWorkflowId } from './support/pipeline-harness';
import type { PipelineHarness } from './support/pipeline-harness';

/** The pipeline's own options are validated with the request, before any API call. */
describe('a pipeline started with bad options', () => {
  let harness: PipelineHarness;

  beforeAll(async () => {
    harness = await startPipelineHarness('input-checks');
  });

  afterAll(() => harness.close());

  const failureOf = async (input: unknown) => {
    const handle = await harness.client.workflow.start('fineTunePipeline', {
      workflowId: uniqueWorkflowId('input'),
      taskQueue: harness.taskQueue,
      args: [input],
    });
    return pipelineFailure(handle.result());
  };

  it('refuses polling options that would misbehave after the create', async () => {
    const cause = await failureOf({
      request: exampleRequest(),
      polling: { initialIntervalSeconds: -5, deadlineSeconds: 'abc', bogus: 1 },
    });

    expect(cause.type).toBe('InvalidRequest');
    expect(cause.message).toContain('polling.initialIntervalSeconds');
    expect(cause.message).toContain('polling.deadlineSeconds');
    expect(cause.message).toContain('polling.bogus: is not a polling option');
    expect(harness.emulator.requestLog()).toHaveLength(0);
  });

  it('refuses a RunningParameter too long for the URL query string', async () => {
    const request = exampleRequest();
    const cause = await failureOf({
      request: { ...request, RunningParameter: { ...(request.RunningParameter as object), note: 'a'.repeat(30000) } },
    });

    expect(cause.type).toBe('InvalidRequest');
    expect(cause.message).toMatch(
      /^request\.RunningParameter: is \d+ characters once URL-encoded, over the limit of 24576/,
    );
    expect(harness.emulator.requestLog()).toHaveLength(0);
  });

  it('refuses a request for another region than the worker serves', async () => {
    const cause = await failureOf({ request: { ...exampleRequest(), RegionId: 'cn-hangzhou' } });

    expect(cause.type).toBe('InvalidRequest');
    expect(cause.message).toContain('request.RegionId: is cn-hangzhou, but this worker serves cn-beijing');
    expect(harness.emulator.requestLog()).toHaveLength(0);
  });

  it('fails a null input as InvalidRequest instead of stalling', async () => {
    const cause = await failureOf(null);

    expect(cause.type).toBe('InvalidRequest');
    expect(cause.message).toBe(
      "(input): must be an object with the CreateAIDBClusterTask parameters under 'request', got null",
    );
    expect(harness.emulator.requestLog()).toHaveLength(0);
  });
});

/** Every message reads `path: rule, got value`, as the request's own do; none is a generic schema message. */
describe('pipeline option messages', () => {
  const issuesOf = (input: unknown) => issuesFrom(validatePipelineInput, input);

  const seconds = (max: number, got: string) => `must be a number of seconds from 0.1 to ${max}, got ${got}`;

  it.each([
    [{ initialIntervalSeconds: 0.01 }, 'polling.initialIntervalSeconds', seconds(3600, 'the number 0.01')],
    [{ maxIntervalSeconds: 3601 }, 'polling.maxIntervalSeconds', seconds(3600, 'the number 3601')],
    [{ maxIntervalSeconds: '60' }, 'polling.maxIntervalSeconds', seconds(3600, 'the string "60"')],
    [{ deadlineSeconds: Infinity }, 'polling.deadlineSeconds', seconds(7776000, 'the number Infinity')],
    [{ deadlineSeconds: NaN }, 'polling.deadlineSeconds', seconds(7776000, 'the number NaN')],
    [
      { initialIntervalSeconds: 100, maxIntervalSeconds: 10 },
      'polling.maxIntervalSeconds',
      'must not be smaller than polling.initialIntervalSeconds (100), got the number 10',
    ],
  ])('words a bad polling value %p like the request does', (polling, path, message) => {
    expect(issuesOf({ request: exampleRequest(), polling })).toEqual([{ path, message }]);
  });

  it.each([
    [{ polling: 5 }, 'polling', 'must be an object of polling options, got the number 5'],
    [{ polling: null }, 'polling', 'must be an object of polling options, got null'],
    [{ notify: 'yes' }, 'notify', 'must be true or false, got the string "yes"'],
    [{ keepTaskOnCancel: 1 }, 'keepTaskOnCancel', 'must be true or false, got the number 1'],
  ])('words a bad option %j like the request does', (option, path, message) => {
    expect(issuesOf({ request: exampleRequest(), ...option })).toEqual([{ path, message }]);
  });

  it.each([
    [{ maxIntervalSeconds: 10 }, { initialIntervalSeconds: 10, maxIntervalSeconds: 10 }],
    [{ initialIntervalSeconds: 600 }, { initialIntervalSeconds: 600, maxIntervalSeconds: 600 }],
    [{}, { initialIntervalSeconds: 30, maxIntervalSeconds: 300 }],
  ])('fills polling defaults %j so that the given values hold', (polling, expected) => {
    expect(validatePipelineInput({ request: exampleRequest(), polling }).polling).toMatchObject(expected);
  });

  it('suggests the option meant by a wrongly cased or misspelt key, and names one it cannot place', () => {
    const input = {
      request: exampleRequest(),
      polling: { InitialIntervalSeconds: 5, bogus: 1 },
      keeptaskoncancel: true,
      notfy: false,
    };

    expect(issuesOf(input)).toEqual([
      {
        path: 'polling.InitialIntervalSeconds',
        message: "is not a polling option; did you mean 'initialIntervalSeconds'?",
      },
      { path: 'polling.bogus', message: 'is not a polling option' },
      { path: 'keeptaskoncancel', message: "is not a pipeline option; did you mean 'keepTaskOnCancel'?" },
      { path: 'notfy', message: "is not a pipeline option; did you mean 'notify'?" },
    ]);
  });

  it('reports a request given without its wrapper once, saying where its parameters belong', () => {
    const { DBClusterId, ModelName } = exampleRequest();

    expect(issuesOf({ DBClusterId, ModelName, notify: false })).toEqual([
      {
        path: 'request',
        message: "is required; the input has DBClusterId, ModelName at its top level, which belong inside 'request'",
      },
    ]);
  });

  it('reports a missing request as required when nothing else explains it', () => {
    expect(issuesOf({ notify: false })).toEqual([{ path: 'request', message: 'is required' }]);
  });

  it('refuses an input that is not an object in one line', () => {
    expect(issuesOf([exampleRequest()])).toEqual([
      {
        path: '(input)',
        message: "must be an object with the CreateAIDBClusterTask parameters under 'request', got an array",
      },
    ]);
  });
});

describe('a pipeline whose webhook is down', () => {
  let harness: PipelineHarness;

  beforeAll(async () => {
    // Port 9 (discard) on loopback: nothing listens there.
    harness = await startPipelineHarness('webhook-down', {
      workerEnv: { PIPELINE_WEBHOOK_URL: 'http://127.0.0.1:9/hook' },
    });
  });

  afterAll(() => harness.close());

  it('still returns its result, with notified false', async () => {
    const handle = await harness.start(uniqueWorkflowId('webhook-down'), {
      request: exampleRequest(),
      polling: fastPolling,
    });
    const result = await handle.result();

    expect(result.status).toBe('COMPLETED');
    expect(result.taskId).toMatch(/^pm-/);
    expect(result.notified).toBe(false);
  });
});
