import type { BspError } from '../../errors/bsp-error.js';
import { NotFoundError } from '../../errors/error-classes.js';
import type { Flow } from '../../model/flow.js';
import { conflictFromRefusal, notFoundFromRefusal } from './conflict-from-refusal.js';
import { FLOW_STATE_RULE, type FlowStateWrite, flowStatusForbids } from './flow-state-rules.js';
import { isUnclassifiedRefusal } from './is-unclassified-refusal.js';

/**
 * Decides what a failed flow write is reported as. A refusal the adapter could not classify is
 * confirmed by a read of the flow: when its status is one Meta's rules refuse the write in, the
 * refusal is a ConflictError with that status as `state` and the vendor's error as `cause`; when
 * there is no such flow, a NotFoundError with the vendor's error as `cause`; otherwise, or when
 * the read fails, the vendor's error is reported as it is.
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
  } catch (readError) {
    if (signal?.aborted) throw signal.reason;
    if (NotFoundError.isInstance(readError)) throw flowNotFound(error, operation, id);
    throw error;
  }
  if (!flowStatusForbids(operation, flow.status)) throw error;
  throw conflictFromRefusal(
    error,
    `${error.provider} refused ${operation} of flow ${id}: it is ${flow.status}, and ${FLOW_STATE_RULE[operation]} (the vendor said: ${error.message})`,
    { state: flow.status },
  );
}

/** The refusal of a write to a flow the read did not find: what a vendor saying "not found" gives. */
function flowNotFound(refusal: BspError, operation: FlowStateWrite, id: string): NotFoundError {
  return notFoundFromRefusal(
    refusal,
    `${refusal.provider} refused ${operation} of flow ${id}: there is no such flow (the vendor said: ${refusal.message})`,
    'id',
  );
}
