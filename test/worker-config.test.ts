import { webhookSummary } from '../src/config/webhook-summary';
import { loadWorkerConfig, WorkerConfigError } from '../src/config/worker-config';

const minimal = { POLARDB_ENDPOINT: '127.0.0.1:18080', POLARDB_REGION_ID: 'cn-beijing' };

describe('the worker configuration', () => {
  it('fills production defaults around the two required settings', () => {
    const config = loadWorkerConfig(minimal);
    expect(config).toMatchObject({
      TEMPORAL_NAMESPACE: 'default',
      TEMPORAL_TASK_QUEUE: 'polardb-ai-pipelines',
      POLARDB_PROTOCOL: 'https',
      POLARDB_READ_TIMEOUT_MS: 30_000,
    });
  });

  it('names every bad variable and the reason in one error', () => {
    const attempt = () =>
      loadWorkerConfig({ POLARDB_ENDPOINT: 'https://polardb/', POLARDB_READ_TIMEOUT_MS: '0', TEMPORAL_TLS: 'yes' });
    expect(attempt).toThrow(WorkerConfigError);
    expect(attempt).toThrow(/POLARDB_ENDPOINT: must be host\[:port\] without scheme or path/);
    expect(attempt).toThrow(/POLARDB_REGION_ID: is required/);
    expect(attempt).toThrow(/POLARDB_READ_TIMEOUT_MS/);
    expect(attempt).toThrow(/TEMPORAL_TLS/);
  });

  it('refuses a webhook secret without a webhook, and never echoes the secret', () => {
    const secret = 'a-webhook-secret-of-some-length';
    const attempt = () => loadWorkerConfig({ ...minimal, PIPELINE_WEBHOOK_SECRET: secret });
    expect(attempt).toThrow(/PIPELINE_WEBHOOK_SECRET: is set but PIPELINE_WEBHOOK_URL is not/);
    try {
      attempt();
    } catch (error) {
      expect((error as Error).message).not.toContain(secret);
    }
  });

  it('keeps the read timeout under the API activities’ own timeout and reads only decimal milliseconds', () => {
    expect(() => loadWorkerConfig({ ...minimal, POLARDB_READ_TIMEOUT_MS: '3000000000' })).toThrow(
      /POLARDB_READ_TIMEOUT_MS: must be at most 60000 \(the API activities time out at 90 s\)/,
    );
    expect(() => loadWorkerConfig({ ...minimal, POLARDB_CONNECT_TIMEOUT_MS: '0x10' })).toThrow(
      /POLARDB_CONNECT_TIMEOUT_MS: must be a whole number of milliseconds/,
    );
  });

  it.each([
    ['POLARDB_LIST_SETTLE_MS', '240001', /must be at most 240000 \(the task look-up activity times out at 5 minutes\)/],
    ['POLARDB_THROTTLED_RETRY_DELAY_MS', '300001', /must be at most 300000 \(throttled calls are retried for an hour/],
    ['PIPELINE_WEBHOOK_TIMEOUT_MS', '25001', /must be at most 25000 \(each delivery attempt times out at 30 s\)/],
    ['POLARDB_LIST_POLL_MS', '60001', /must be at most 60000/],
  ])('keeps %s = %s inside the timeouts it runs under', (name, value, reason) => {
    const extra = name.startsWith('PIPELINE_WEBHOOK') ? { PIPELINE_WEBHOOK_URL: 'http://127.0.0.1:1/hook' } : {};
    expect(() => loadWorkerConfig({ ...minimal, ...extra, [name]: value })).toThrow(
      new RegExp(`${name}: ${reason.source}`),
    );
  });

  it('accepts a settle window of 0 (no re-reading) and the largest allowed values', () => {
    const config = loadWorkerConfig({
      ...minimal,
      POLARDB_LIST_SETTLE_MS: '0',
      POLARDB_THROTTLED_RETRY_DELAY_MS: '300000',
      POLARDB_LIST_POLL_MS: '60000',
    });
    expect(config).toMatchObject({ POLARDB_LIST_SETTLE_MS: 0, POLARDB_THROTTLED_RETRY_DELAY_MS: 300_000 });
  });

  it('refuses namespace and task queue names that are blank or padded with whitespace', () => {
    expect(() => loadWorkerConfig({ ...minimal, TEMPORAL_TASK_QUEUE: ' ' })).toThrow(
      /TEMPORAL_TASK_QUEUE: must not be blank \(it is only whitespace\)/,
    );
    expect(() => loadWorkerConfig({ ...minimal, TEMPORAL_NAMESPACE: '\t' })).toThrow(
      /TEMPORAL_NAMESPACE: must not be blank/,
    );
    expect(() => loadWorkerConfig({ ...minimal, TEMPORAL_TASK_QUEUE: 'polardb-ai-pipelines ' })).toThrow(
      /TEMPORAL_TASK_QUEUE: must not start or end with whitespace/,
    );
    expect(() => loadWorkerConfig({ ...minimal, TEMPORAL_NAMESPACE: ' prod' })).toThrow(
      /TEMPORAL_NAMESPACE: must not start or end with whitespace/,
    );
    expect(loadWorkerConfig({ ...minimal, TEMPORAL_TASK_QUEUE: 'nightly fine-tunes' }).TEMPORAL_TASK_QUEUE).toBe(
      'nightly fine-tunes',
    );
  });

  it('summarises the webhook for the start-up log, warning when its posts go unsigned', () => {
    const url = 'https://hooks.example.test/pipelines?token=abc';
    expect(webhookSummary(loadWorkerConfig(minimal))).toBe('off');
    expect(webhookSummary(loadWorkerConfig({ ...minimal, PIPELINE_WEBHOOK_URL: url }))).toBe(
      'configured, unsigned (PIPELINE_WEBHOOK_SECRET unset)',
    );
    const signed = webhookSummary(
      loadWorkerConfig({
        ...minimal,
        PIPELINE_WEBHOOK_URL: url,
        PIPELINE_WEBHOOK_SECRET: 'a-webhook-secret-of-some-length',
      }),
    );
    expect(signed).toBe('configured, signed');
  });

  it('reads an empty variable as not set', () => {
    expect(loadWorkerConfig({ ...minimal, PIPELINE_WEBHOOK_URL: '' }).PIPELINE_WEBHOOK_URL).toBeUndefined();
  });
});
