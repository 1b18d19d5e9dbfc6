import { Client, Connection, WorkflowNotFoundError } from '@temporalio/client';
import { startFineTunePipeline } from '../src/client/start-pipeline';
import { InvalidRequestError } from '../src/request';
import { testTemporalAddress } from './setup/temporal';
import { exampleRequest } from './support/example-request';
import { uniqueWorkflowId } from './support/pipeline-harness';

describe('starting a pipeline from another service', () => {
  let connection: Connection;
  let client: Client;

  beforeAll(async () => {
    connection = await Connection.connect({ address: testTemporalAddress() });
    client = new Client({ connection });
  });

  afterAll(() => connection.close());

  it('refuses a bad request before any workflow exists', async () => {
    const workflowId = uniqueWorkflowId('client-invalid');
    const request = { ...exampleRequest(), dbClusterId: 'pc-2zedemo0000001' };

    await expect(
      startFineTunePipeline(client, { workflowId, input: { request }, taskQueue: 'unused' }),
    ).rejects.toThrow(InvalidRequestError);
    await expect(
      startFineTunePipeline(client, { workflowId, input: { request }, taskQueue: 'unused' }),
    ).rejects.toThrow(/dbClusterId: .*DBClusterId/);
    await expect(client.workflow.getHandle(workflowId).describe()).rejects.toThrow(WorkflowNotFoundError);
  });

  it('attaches a second start with the same workflow id to the running pipeline', async () => {
    const workflowId = uniqueWorkflowId('client-twice');
    // No worker serves this queue, so the first run stays open while the second start arrives.
    const options = { workflowId, input: { request: exampleRequest() }, taskQueue: `idle-${workflowId}` };
    const first = await startFineTunePipeline(client, options);
    const second = await startFineTunePipeline(client, options);

    expect(second.firstExecutionRunId).toBe(first.firstExecutionRunId);
    await first.terminate('test done');
  });
});
