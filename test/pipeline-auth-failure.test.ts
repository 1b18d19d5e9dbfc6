import { pipelineFailure } from './support/pipeline-failure';
import { exampleRequest } from './support/example-request';
import { capturedLogText } from './support/captured-logs';
import { historyBytes } from './support/history-text';
import { fastPolling, startPipelineHarness, uniqueWorkflowId } from './support/pipeline-harness';
import type { PipelineHarness } from './support/pipeline-harness';

const wrongSecret = 'WrongSecretThatMustNeverBeRecorded42';

describe('a worker whose AccessKey secret is wrong', () => {
  let harness: PipelineHarness;

  beforeAll(async () => {
    harness = await startPipelineHarness('auth-failure', { accessKeySecret: wrongSecret });
  });

  afterAll(() => harness.close());

  it('fails the pipeline at once with a non-retryable AuthFailed and records no secret', async () => {
    const handle = await harness.start(uniqueWorkflowId('auth'), { request: exampleRequest(), polling: fastPolling });

    const cause = await pipelineFailure(handle.result());
    expect(cause.type).toBe('AuthFailed');
    expect(cause.message).toContain('SignatureDoesNotMatch');

    // Non-retryable: one signed call was refused, and nothing was retried or created.
    const log = harness.emulator.requestLog();
    expect(log.filter((entry) => entry.outcome === 'SignatureDoesNotMatch')).toHaveLength(1);
    expect(log.filter((entry) => entry.action === 'CreateAIDBClusterTask')).toHaveLength(0);

    const recorded = await historyBytes(handle);
    expect(recorded.includes(wrongSecret)).toBe(false);
    expect(recorded.includes('ACS3-HMAC-SHA256\n')).toBe(false);
    // The refusal may be quoted, but whatever followed "string to sign is" must have been cut.
    const quoted = recorded.toString('utf8').match(/string to sign is:?\s*\S{0,10}/gi) ?? [];
    expect(quoted.length).toBeGreaterThan(0);
    expect(quoted.every((text) => text.endsWith('[redacted]'))).toBe(true);

    const logs = capturedLogText();
    expect(logs).toContain('SignatureDoesNotMatch');
    expect(logs).not.toContain(wrongSecret);
    expect(logs).not.toContain('ACS3-HMAC-SHA256\n');
  });
});
