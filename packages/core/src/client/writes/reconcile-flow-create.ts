import { ConflictError } from '../../errors/error-classes.js';
import type { Flow, FlowSummary } from '../../model/flow.js';
import type { CreatedFlow } from '../../model/flow-writes.js';
import type { WithMetadata } from '../../model/metadata.js';
import type { CreateFlowRequest } from '../../provider/requests.js';
import type { Reconcile } from '../pipeline/operation-runner.js';
import { sameCategories } from './flow-write-reconcilers.js';

/**
 * How `flows.create` finds out whether an attempt whose outcome is unknown made the flow: it
 * looks for the flow by its name (unique within the account). Absent: not applied, so the create
 * is sent again. Found with the categories asked for (in any order) and the endpoint asked for
 * (compared only when the read carries one; a clone may carry its source's): applied, and the
 * call goes on with that flow. Found different: a ConflictError, since another flow holds the name.
 */
export function reconcileFlowCreate(
  request: CreateFlowRequest,
  findByName: (name: string) => Promise<WithMetadata<FlowSummary> | undefined>,
  readFlow: (id: string) => Promise<WithMetadata<Flow>>,
): Reconcile<CreatedFlow> {
  return async () => {
    const found = await findByName(request.name);
    if (found === undefined) return { applied: false };
    const flow = await readFlow(found.id);
    const differences: string[] = [];
    if (!sameCategories(flow.categories, request.categories)) differences.push('categories');
    if (flow.endpointUri !== undefined && flow.endpointUri !== request.endpointUri) {
      if (request.endpointUri !== undefined || request.cloneFlowId === undefined)
        differences.push('endpointUri');
    }
    if (differences.length > 0) {
      throw new ConflictError(
        `A flow named '${request.name}' exists (id ${flow.id}, ${flow.status}) with other ${differences.join(' and ')} than asked for`,
        { provider: flow.provider, state: flow.status, details: { flowId: flow.id } },
      );
    }
    const { requestId, httpStatusCode } = flow.$metadata;
    return {
      applied: true,
      result: {
        value: { id: flow.id },
        ...(requestId !== undefined && { requestId }),
        ...(httpStatusCode !== undefined && { httpStatusCode }),
      },
    };
  };
}
