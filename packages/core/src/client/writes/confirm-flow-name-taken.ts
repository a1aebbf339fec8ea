import type { FlowSummary } from '../../model/flow.js';
import type { WithMetadata } from '../../model/metadata.js';
import { conflictFromRefusal } from './conflict-from-refusal.js';
import { isUnclassifiedRefusal } from './is-unclassified-refusal.js';

/**
 * Decides what a refused `flows.create` is reported as. A refusal the adapter could not classify
 * is confirmed by looking for a flow of that name: found, the refusal is a ConflictError (the
 * name is taken; `state` is that flow's status when the list carries it, `details.flowId` its id)
 * with the vendor's error as `cause`; otherwise, or when the look-up fails, the vendor's error is
 * reported as it is.
 *
 * @throws always: the ConflictError, the vendor's error, or the signal's reason once it aborts.
 */
export async function confirmFlowNameTaken(
  error: unknown,
  name: string,
  findByName: (name: string) => Promise<WithMetadata<FlowSummary> | undefined>,
  signal: AbortSignal | undefined,
): Promise<never> {
  if (!isUnclassifiedRefusal(error)) throw error;
  let holder: WithMetadata<FlowSummary> | undefined;
  try {
    holder = await findByName(name);
  } catch {
    if (signal?.aborted) throw signal.reason;
    throw error;
  }
  if (holder === undefined) throw error;
  throw conflictFromRefusal(
    error,
    `${error.provider} refused to create flow '${name}': the name is taken by flow ${holder.id} (the vendor said: ${error.message})`,
    { details: { flowId: holder.id }, ...(holder.status !== undefined && { state: holder.status }) },
  );
}
