import type { Flow } from '../../model/flow.js';
import { conflictFromRefusal } from './conflict-from-refusal.js';
import { FLOW_STATE_RULE, type FlowStateWrite, flowStatusForbids } from './flow-state-rules.js';
import { isUnclassifiedRefusal } from './is-unclassified-refusal.js';

/**
 * Decides what a failed flow write is reported as. A refusal the adapter could not classify is
 * confirmed by a read of the flow: when its status is one Meta's rules refuse the write in, the
 * refusal is a ConflictError with that status as `state` and the vendor's error as `cause`;
 * otherwise, or when the read fails, the vendor's error is reported as it is.
 *
 * @param readFlow - Reads the flow (through the client's runner: rate limited, with hooks).
 * @throws always: the ConflictError, the vendor's error, or the signal's reason once it aborts.
 */
export async function confirmFlowStateConflict(
  error: unknown,
  operation: FlowStateWrite,
  id: string,
  readFlow: () => Promise<Flow>,
  signal: AbortSignal | undefined,
): Promise<never> {
  if (!isUnclassifiedRefusal(error)) throw error;
  let flow: Flow;
  try {
    flow = await readFlow();
  } catch {
    if (signal?.aborted) throw signal.reason;
    throw error;
  }
  if (!flowStatusForbids(operation, flow.status)) throw error;
  throw conflictFromRefusal(
    error,
    `${error.provider} refused ${operation} of flow ${id}: it is ${flow.status}, and ${FLOW_STATE_RULE[operation]} (the vendor said: ${error.message})`,
    { state: flow.status },
  );
}
