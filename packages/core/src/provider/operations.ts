/**
 * Every operation of the library, once. Rate-limit keys (`<provider>:<operation>`), hooks, the
 * retry policy, capability data and the README's feature matrix are all keyed by this table.
 *
 * - `kind`: a read changes nothing at the vendor; a write does.
 * - `idempotent`: sending the same write twice leaves the vendor as sending it once would, so it
 *   may be retried like a read after an unknown outcome (DESIGN §12).
 * - `naturalKey`: the fields that identify what a non-idempotent write creates, by which the client
 *   looks for it after an unknown outcome before sending it again.
 * - `implemented`: whether the client offers the operation yet; the table already holds the
 *   writes that later releases add, so their rate budgets and retry rules have one home.
 */
export interface OperationDefinition {
  readonly resource: 'flows' | 'templates';
  readonly kind: 'read' | 'write';
  readonly idempotent: boolean;
  readonly naturalKey?: readonly string[];
  readonly implemented: boolean;
}

export const OPERATION_TABLE = {
  'flows.get': { resource: 'flows', kind: 'read', idempotent: true, implemented: true },
  'flows.list': { resource: 'flows', kind: 'read', idempotent: true, implemented: true },
  'flows.preview': { resource: 'flows', kind: 'read', idempotent: true, implemented: true },
  'flows.getJson': { resource: 'flows', kind: 'read', idempotent: true, implemented: false },
  // Flow names are unique per WABA, so a flow's name finds it after an unknown outcome.
  'flows.create': {
    resource: 'flows',
    kind: 'write',
    idempotent: false,
    naturalKey: ['name'],
    implemented: false,
  },
  'flows.update': { resource: 'flows', kind: 'write', idempotent: true, implemented: false },
  'flows.updateJson': { resource: 'flows', kind: 'write', idempotent: true, implemented: false },
  'flows.publish': { resource: 'flows', kind: 'write', idempotent: true, implemented: false },
  'flows.deprecate': { resource: 'flows', kind: 'write', idempotent: true, implemented: false },
  'flows.delete': { resource: 'flows', kind: 'write', idempotent: true, implemented: false },
  'templates.list': { resource: 'templates', kind: 'read', idempotent: true, implemented: true },
  'templates.get': { resource: 'templates', kind: 'read', idempotent: true, implemented: true },
  // Across vendors a template is identified by its name and language.
  'templates.create': {
    resource: 'templates',
    kind: 'write',
    idempotent: false,
    naturalKey: ['name', 'language'],
    implemented: false,
  },
  'templates.update': { resource: 'templates', kind: 'write', idempotent: true, implemented: false },
  'templates.delete': { resource: 'templates', kind: 'write', idempotent: true, implemented: false },
  // A second upload of the same file only leaves an unused copy at the vendor: safe to repeat.
  'templates.uploadMedia': { resource: 'templates', kind: 'write', idempotent: true, implemented: false },
} as const satisfies Readonly<Record<string, OperationDefinition>>;

/** An operation's name, `<resource>.<method>` as the client exposes it. */
export type Operation = keyof typeof OPERATION_TABLE;

/** The operations the client offers today. */
export type ImplementedOperation = {
  [K in Operation]: (typeof OPERATION_TABLE)[K]['implemented'] extends true ? K : never;
}[Operation];

/** Every operation name, in table order. */
export const OPERATIONS = Object.keys(OPERATION_TABLE) as readonly Operation[];

/** The table's row for `operation`. */
export function operationDefinition(operation: Operation): OperationDefinition {
  return OPERATION_TABLE[operation];
}
