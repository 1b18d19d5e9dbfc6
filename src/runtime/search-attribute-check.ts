import type { Connection } from '@temporalio/client';
import { pipelineSearchAttributes } from '../search-attributes';

/**
 * Fails fast when the namespace lacks the pipeline's search attributes. Without this check every
 * pipeline would start and then stall on its first workflow task, which is far harder to diagnose.
 */
export async function assertSearchAttributesRegistered(connection: Connection, namespace: string): Promise<void> {
  const registered = await connection.operatorService.listSearchAttributes({ namespace }).catch((error: unknown) => {
    const text = error instanceof Error ? error.message : String(error);
    throw new Error(
      /NOT_FOUND/.test(text)
        ? `Namespace ${namespace} does not exist on this Temporal server; create it or set TEMPORAL_NAMESPACE`
        : `Cannot read the search attributes of namespace ${namespace}: ${text}`,
    );
  });
  const known = new Set(Object.keys(registered.customAttributes ?? {}));
  const missing = Object.keys(pipelineSearchAttributes).filter((name) => !known.has(name));
  if (missing.length > 0) {
    const commands = missing.map(
      (name) =>
        `temporal operator search-attribute create --namespace ${namespace} --name ${name} --type ${
          pipelineSearchAttributes[name as keyof typeof pipelineSearchAttributes]
        }`,
    );
    throw new Error(
      `Namespace ${namespace} lacks search attributes ${missing.join(', ')}; register them once with:\n  ${commands.join('\n  ')}`,
    );
  }
}
