import { taskNameForWorkflow } from '../src/pipeline/task-name';

describe('the TaskName derived from a workflow id', () => {
  it('is the workflow id itself when the id already fits the API', () => {
    expect(taskNameForWorkflow('nightly-grpo_2026-12-04')).toBe('nightly-grpo_2026-12-04');
  });

  it('replaces other characters and keeps two ids that clean up alike apart', () => {
    const a = taskNameForWorkflow('team a/nightly grpo');
    const b = taskNameForWorkflow('team-a/nightly grpo');
    expect(a).toMatch(/^team-a-nightly-grpo-[0-9a-f]{8}$/);
    expect(a).not.toBe(b);
  });

  it('stays within 64 characters of the allowed set and is stable for long ids', () => {
    const id = `scheduled-${'x'.repeat(100)}-2026-12-04T00:00:00Z`;
    const name = taskNameForWorkflow(id);
    expect(name.length).toBeLessThanOrEqual(64);
    expect(name).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(taskNameForWorkflow(id)).toBe(name);
  });

  it('handles ids made only of characters the API refuses', () => {
    expect(taskNameForWorkflow('日本語')).toMatch(/^[0-9a-f]{8}$/);
  });
});
