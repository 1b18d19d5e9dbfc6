import { taskNameForWorkflow } from '../src/pipeline/task-name';

describe('the TaskName derived from a workflow id', () => {
  it('is the workflow id itself when it holds only letters, digits and hyphens', () => {
    expect(taskNameForWorkflow('nightly-grpo-2026-12-04')).toBe('nightly-grpo-2026-12-04');
  });

  it('escapes every other character, so the name can be traced back to the id', () => {
    expect(taskNameForWorkflow('team.a/job 1')).toBe('team_2ea_2fjob_201');
    expect(taskNameForWorkflow('nightly_grpo')).toBe('nightly__grpo');
    expect(taskNameForWorkflow('微调')).toBe('_e5_be_ae_e8_b0_83');
  });

  it('never gives a literal id the name derived from another id', () => {
    const derived = taskNameForWorkflow('team.a/job 1');
    expect(taskNameForWorkflow(derived)).not.toBe(derived);
    expect(taskNameForWorkflow('team-a-job-1')).not.toBe(taskNameForWorkflow('team.a/job-1'));
  });

  it('stays within 64 characters of the allowed set for long ids, and long ids stay apart', () => {
    const long = `scheduled-${'x'.repeat(100)}-2026-12-04T00:00:00Z`;
    const name = taskNameForWorkflow(long);
    expect(name.length).toBeLessThanOrEqual(64);
    expect(name).toMatch(/^[A-Za-z0-9_-]+_h[0-9a-f]{8}$/);
    expect(taskNameForWorkflow(long)).toBe(name);
    expect(taskNameForWorkflow(long.replace('04T', '05T'))).not.toBe(name);
  });

  it('does not cut a long name inside an escape', () => {
    for (let length = 40; length < 70; length++) {
      const name = taskNameForWorkflow(`${'a'.repeat(length)}.${'b'.repeat(40)}`);
      expect(name.length).toBeLessThanOrEqual(64);
      // The marker is preceded by an even number of underscores: it starts a fresh escape.
      expect(name).toMatch(/(^|[^_])(__)*_h[0-9a-f]{8}$/);
    }
  });
});
