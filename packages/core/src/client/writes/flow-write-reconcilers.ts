import { isDeepStrictEqual } from 'node:util';
import { NotFoundError } from '../../errors/error-classes.js';
import type { Flow, FlowStatus } from '../../model/flow.js';
import type { FlowJsonDocument, FlowJsonUpdate, FlowWriteAck } from '../../model/flow-writes.js';
import type { WithMetadata } from '../../model/metadata.js';
import type { ProviderResult } from '../../provider/call-context.js';
import type { UpdateFlowRequest } from '../../provider/requests.js';
import type { Reconcile, Reconciliation } from '../pipeline/operation-runner.js';

/*
 * How each idempotent flow write finds out, after an attempt whose outcome is unknown, whether
 * the vendor applied it: by reading the state the write sets. The runner calls these after the
 * unknown attempt and after each later failure (so that a retry refused as "already in that
 * state" or "not found" counts as success); a write found applied ends with
 * `$metadata.reconciled: true` instead of being sent again.
 */

type ReadFlow = () => Promise<WithMetadata<Flow>>;

/** The answer of a look-up that found the write applied, with the read's request id. */
function applied<T>(value: T, read: { requestId?: string; httpStatusCode?: number }): Reconciliation<T> {
  const result: ProviderResult<T> = {
    value,
    ...(read.requestId !== undefined && { requestId: read.requestId }),
    ...(read.httpStatusCode !== undefined && { httpStatusCode: read.httpStatusCode }),
  };
  return { applied: true, result };
}

const NOT_APPLIED: Reconciliation<never> = { applied: false };

/** Publish and deprecate: applied when the flow is in one of `appliedIn`. */
export function reconcileByStatus(
  id: string,
  readFlow: ReadFlow,
  appliedIn: readonly FlowStatus[],
): Reconcile<FlowWriteAck> {
  return async () => {
    const flow = await readFlow();
    return appliedIn.includes(flow.status) ? applied({ id }, flow.$metadata) : NOT_APPLIED;
  };
}

/** Delete: applied when the flow is not found any more. */
export function reconcileDelete(id: string, readFlow: ReadFlow): Reconcile<FlowWriteAck> {
  return async () => {
    try {
      await readFlow();
    } catch (error) {
      if (NotFoundError.isInstance(error)) return applied({ id }, error);
      throw error;
    }
    return NOT_APPLIED;
  };
}

/**
 * Update: applied when the flow has every field the update set. Categories are compared as a set
 * (vendors may reorder them); the endpoint only when the read carries one (CAMS's GetFlow does
 * not in every API version).
 */
export function reconcileUpdate(request: UpdateFlowRequest, readFlow: ReadFlow): Reconcile<FlowWriteAck> {
  return async () => {
    const flow = await readFlow();
    const done =
      (request.name === undefined || flow.name === request.name) &&
      (request.categories === undefined || sameCategories(flow.categories, request.categories)) &&
      (request.endpointUri === undefined ||
        flow.endpointUri === undefined ||
        flow.endpointUri === request.endpointUri);
    return done ? applied({ id: request.id }, flow.$metadata) : NOT_APPLIED;
  };
}

/**
 * Flow JSON upload: applied when the vendor serves the Flow JSON that was sent (the same text, or
 * the same JSON value if the vendor reformatted it); its validation errors are then the flow's.
 * A vendor that cannot serve the Flow JSON leaves nothing to compare: the upload is sent again,
 * which is harmless, as it is idempotent.
 */
export function reconcileJsonUpdate(
  text: string,
  readJson: (() => Promise<WithMetadata<FlowJsonDocument>>) | undefined,
  readFlow: ReadFlow,
): Reconcile<FlowJsonUpdate> {
  return async () => {
    if (readJson === undefined) return NOT_APPLIED;
    const served = await readJson();
    if (!sameFlowJson(served, text)) return NOT_APPLIED;
    const flow = await readFlow();
    return applied({ validationErrors: flow.validationErrors }, served.$metadata);
  };
}

/** Whether two category lists hold the same categories, in any order. */
export function sameCategories(read: readonly string[], asked: readonly string[]): boolean {
  const readSet = new Set(read);
  return readSet.size === new Set(asked).size && asked.every((category) => readSet.has(category));
}

function sameFlowJson(served: FlowJsonDocument, text: string): boolean {
  if (served.text === text) return true;
  if (served.json === undefined) return false;
  try {
    return isDeepStrictEqual(served.json, JSON.parse(text));
  } catch {
    return false;
  }
}
