import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

import { DefaultLogger, bundleWorkflowCode } from '@temporalio/worker';

import { localDir } from '../scripts/lib/temporal-paths';

/**
 * Workflow code runs in a deterministic sandbox, so importing Node built-ins or SDK clients there
 * must fail when the workflows are bundled (in CI), not when a worker loads them in production.
 */
describe('workflow bundle', () => {
  let scratch: string;

  beforeAll(async () => {
    // Inside the repository (git-ignored) so the bad workflow resolves packages from node_modules.
    scratch = await mkdtemp(path.join(localDir, 'bad-workflow-'));
  });

  afterAll(async () => {
    await rm(scratch, { recursive: true, force: true });
  });

  it('bundles the real workflows', async () => {
    const { code } = await bundle(require.resolve('../src/workflows'));

    expect(code.length).toBeGreaterThan(0);
  });

  it('rejects workflow code that imports a Node built-in, naming it', async () => {
    const file = await writeWorkflow('imports-fs.ts', `import { readFileSync } from 'node:fs';`, 'readFileSync');

    await expect(bundle(file)).rejects.toThrow(/node:fs/);
  });

  it('rejects workflow code that imports the cloud SDK, naming what it drags in', async () => {
    const file = await writeWorkflow('imports-sdk.ts', `import OpenApi from '@alicloud/openapi-client';`, 'OpenApi');

    // The bundler names the disallowed built-ins the SDK pulls in (http, crypto, …), not the SDK itself.
    await expect(bundle(file)).rejects.toThrow(/disallowed modules[\s\S]*'https?'/);
  });

  async function writeWorkflow(name: string, importLine: string, used: string): Promise<string> {
    const file = path.join(scratch, name);
    await writeFile(
      file,
      `${importLine}\n\nexport async function badWorkflow(): Promise<string> {\n  return String(${used});\n}\n`,
    );
    return file;
  }
});

/**
 * Bundles like a worker does. Webpack reports some failures (such as an unhandled `node:` import)
 * only in its log, so the log is folded into the error to make the offending module visible.
 */
async function bundle(workflowsPath: string): Promise<{ code: string }> {
  const messages: string[] = [];
  const logger = new DefaultLogger('WARN', (entry) => messages.push(entry.message));
  try {
    return await bundleWorkflowCode({ workflowsPath, logger });
  } catch (error) {
    throw new Error(`${(error as Error).message}\n${messages.join('\n')}`);
  }
}
