import type { FlowStatus } from '../../model/flow.js';

/*
 * Meta's rules for which flow status allows which write (WhatsApp Flows "Lifecycle of a Flow":
 * https://developers.facebook.com/docs/whatsapp/flows/guides/lifecycle). The vendors enforce them;
 * the client uses them only to read a refusal it could not classify, never to refuse a write
 * before sending it (see `flows.ts`).
 */

/** The flow writes whose refusal can be a matter of the flow's status. */
export type FlowStateWrite =
  | 'flows.publish'
  | 'flows.deprecate'
  | 'flows.delete'
  | 'flows.update'
  | 'flows.updateJson';

/** A status the model knows, i.e. one these rules can be applied to. */
type KnownFlowStatus = Exclude<FlowStatus, 'UNKNOWN'>;

/**
 * The statuses each write is refused in. Publishing and deleting need a DRAFT, deprecating a
 * PUBLISHED flow. Meta lets a published flow's metadata and Flow JSON be updated (the flow goes
 * back to DRAFT), so only a DEPRECATED flow, which is final, refuses updates by rule.
 */
const REFUSED_IN: Readonly<Record<FlowStateWrite, readonly KnownFlowStatus[]>> = {
  'flows.publish': ['PUBLISHED', 'DEPRECATED', 'BLOCKED', 'THROTTLED'],
  'flows.deprecate': ['DRAFT', 'DEPRECATED', 'BLOCKED', 'THROTTLED'],
  'flows.delete': ['PUBLISHED', 'DEPRECATED', 'BLOCKED', 'THROTTLED'],
  'flows.update': ['DEPRECATED'],
  'flows.updateJson': ['DEPRECATED'],
};

/** What each rule says, for error messages. */
export const FLOW_STATE_RULE: Readonly<Record<FlowStateWrite, string>> = {
  'flows.publish': 'only a DRAFT flow can be published',
  'flows.deprecate': 'only a PUBLISHED flow can be deprecated',
  'flows.delete': 'only a DRAFT flow can be deleted',
  'flows.update': 'a DEPRECATED flow cannot be changed',
  'flows.updateJson': 'a DEPRECATED flow cannot be changed',
};

/** Whether Meta's rules refuse `operation` on a flow in `status`; never for UNKNOWN. */
export function flowStatusForbids(operation: FlowStateWrite, status: FlowStatus): boolean {
  return (REFUSED_IN[operation] as readonly FlowStatus[]).includes(status);
}

/**
 * The statuses a flow has once publishing it was applied: PUBLISHED, or one of the states Meta's
 * health monitor moves a published flow to.
 */
export const PUBLISHED_STATUSES: readonly FlowStatus[] = ['PUBLISHED', 'THROTTLED', 'BLOCKED'];
