import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { Worker } from '@temporalio/worker';
import { installCapturingRuntime } from './support/captured-logs';
import { workflowBundle } from './setup/temporal';

const fixtureDir = path.join(__dirname, 'fixtures', 'histories');
const fixtures = readdirSync(fixtureDir).filter((file) => file.endsWith('.json'));

/**
 * Saved histories of pipelines in each stage must replay on today's workflow code. A change to a
 * released workflow's command sequence fails here unless it is guarded by a patch.
 */
describe('replaying saved pipeline histories', () => {
  beforeAll(() => installCapturingRuntime());

  it('has a fixture for every stage worth protecting', () => {
    expect(fixtures.sort()).toEqual(
      [
        'cancelled.json',
        'completed.json',
        'create-answer-lost.json',
        'duplicate-removed.json',
        'polling.json',
        'remote-failed.json',
        'task-created.json',
      ].sort(),
    );
  });

  it.each(fixtures)('%s replays without a determinism error', async (file) => {
    const history = historyFromJSON(JSON.parse(readFileSync(path.join(fixtureDir, file), 'utf8')));

    await expect(Worker.runReplayHistory({ workflowBundle: workflowBundle() }, history)).resolves.toBeUndefined();
  });
});
