import type { PipelineResult } from '../../src/pipeline/types';
import type { Expectation, PipelineOutcome, SuitePipeline } from './pipelines';
import { judge } from './verdict';

/** The suite's numbers are only as good as its judge: it must see a duplicate, an orphan and a wrong ending. */
function pipeline(expect: Expectation): SuitePipeline {
  return { workflowId: 'fs-test-1', handle: {} as SuitePipeline['handle'], expect };
}

function returned(fields: Partial<PipelineResult>): PipelineOutcome {
  const result = { taskId: 'pm-a', status: 'COMPLETED', taskStatus: 'COMPLETED', adopted: false, ...fields };
  return { kind: 'returned', result: result as PipelineResult };
}

describe('judging a pipeline of the fault suite', () => {
  it('counts a completed pipeline with its one task as correct', () => {
    const verdict = judge(pipeline({ outcome: 'completed' }), returned({}), {
      created: ['pm-a'],
      live: new Set(['pm-a']),
    });

    expect(verdict).toEqual({ workflowId: 'fs-test-1', correct: true, lost: false, duplicates: 0 });
  });

  it('counts every task beyond the first under the name as a duplicate, and the unnamed one as lost', () => {
    const verdict = judge(pipeline({ outcome: 'completed' }), returned({}), {
      created: ['pm-a', 'pm-b'],
      live: new Set(['pm-a', 'pm-b']),
    });

    expect(verdict).toMatchObject({ correct: false, lost: true, duplicates: 1 });
  });

  it('counts a pipeline that never finished as lost', () => {
    const verdict = judge(
      pipeline({ outcome: 'completed' }),
      { kind: 'unfinished', reason: 'terminated' },
      {
        created: [],
        live: new Set(),
      },
    );

    expect(verdict).toMatchObject({ correct: false, lost: true, duplicates: 0 });
  });

  it('counts a cancelled pipeline that says "not created" while its task runs as lost', () => {
    const outcome = returned({ status: 'CANCELLED', cleanup: 'not-created', taskId: '' });
    const verdict = judge(pipeline({ outcome: 'cancelled', cleanup: 'not-created' }), outcome, {
      created: ['pm-a'],
      live: new Set(['pm-a']),
    });

    expect(verdict).toMatchObject({ correct: false, lost: true });
  });

  it('requires a deleted task to be gone and a kept one to be there', () => {
    const deleted = returned({ status: 'CANCELLED', cleanup: 'deleted' });
    const stillThere = { created: ['pm-a'], live: new Set(['pm-a']) };

    expect(judge(pipeline({ outcome: 'cancelled', cleanup: 'deleted' }), deleted, stillThere).correct).toBe(false);
    expect(
      judge(pipeline({ outcome: 'cancelled', cleanup: 'deleted' }), deleted, { ...stillThere, live: new Set() }),
    ).toMatchObject({ correct: true, lost: false });
    const kept = returned({ status: 'CANCELLED', cleanup: 'kept' });
    expect(judge(pipeline({ outcome: 'cancelled', cleanup: 'kept' }), kept, stillThere).correct).toBe(true);
  });

  it('accepts a failure only of the expected type, naming the task that was created', () => {
    const failed: PipelineOutcome = { kind: 'failed', failureType: 'TaskVanished', message: 'gone', taskId: 'pm-a' };
    const evidence = { created: ['pm-a'], live: new Set<string>() };

    expect(judge(pipeline({ outcome: 'failed', failureType: 'TaskVanished' }), failed, evidence).correct).toBe(true);
    expect(judge(pipeline({ outcome: 'failed', failureType: 'RemoteTaskFailed' }), failed, evidence).problem).toMatch(
      /expected failure RemoteTaskFailed/,
    );
  });

  it('checks whether the task was adopted when the fault requires it', () => {
    const verdict = judge(pipeline({ outcome: 'completed', adopted: true }), returned({ adopted: false }), {
      created: ['pm-a'],
      live: new Set(['pm-a']),
    });

    expect(verdict).toMatchObject({ correct: false, lost: false, problem: 'adopted is false' });
  });
});
