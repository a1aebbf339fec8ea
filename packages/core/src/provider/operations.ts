/**
 * Every operation of the library, once. Rate-limit keys (`<provider>:<operation>`), hooks, the
 * retry policy, capability data and the README's feature matrix are all keyed by this table.
 *
 * - `resource` and `method`: where a provider implements it (`provider[resource][method]`); a
 *   provider without that method cannot do the operation.
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
  /** The method of the resource's sub-provider that performs it, e.g. `provider.flows.doGet`. */
  readonly method: string;
  readonly kind: 'read' | 'write';
  readonly idempotent: boolean;
  readonly naturalKey?: readonly string[];
  readonly implemented: boolean;
}

export const OPERATION_TABLE = {
  'flows.get': { resource: 'flows', method: 'doGet', kind: 'read', idempotent: true, implemented: true },
  'flows.list': { resource: 'flows', method: 'doList', kind: 'read', idempotent: true, implemented: true },
  'flows.preview': {
    resource: 'flows',
    method: 'doGetPreview',
    kind: 'read',
    idempotent: true,
    implemented: true,
  },
  'flows.getJson': {
    resource: 'flows',
    method: 'doGetJson',
    kind: 'read',
    idempotent: true,
    implemented: true,
  },
  // Flow names are unique per WABA, so a flow's name finds it after an unknown outcome.
  'flows.create': {
    resource: 'flows',
    method: 'doCreate',
    kind: 'write',
    idempotent: false,
    naturalKey: ['name'],
    implemented: true,
  },
  'flows.update': {
    resource: 'flows',
    method: 'doUpdate',
    kind: 'write',
    idempotent: true,
    implemented: true,
  },
  'flows.updateJson': {
    resource: 'flows',
    method: 'doUpdateJson',
    kind: 'write',
    idempotent: true,
    implemented: true,
  },
  'flows.publish': {
    resource: 'flows',
    method: 'doPublish',
    kind: 'write',
    idempotent: true,
    implemented: true,
  },
  'flows.deprecate': {
    resource: 'flows',
    method: 'doDeprecate',
    kind: 'write',
    idempotent: true,
    implemented: true,
  },
  'flows.delete': {
    resource: 'flows',
    method: 'doDelete',
    kind: 'write',
    idempotent: true,
    implemented: true,
  },
  'templates.list': {
    resource: 'templates',
    method: 'doList',
    kind: 'read',
    idempotent: true,
    implemented: true,
  },
  'templates.get': {
    resource: 'templates',
    method: 'doGet',
    kind: 'read',
    idempotent: true,
    implemented: true,
  },
  // Across vendors a template is identified by its name and language.
  'templates.create': {
    resource: 'templates',
    method: 'doCreate',
    kind: 'write',
    idempotent: false,
    naturalKey: ['name', 'language'],
    implemented: true,
  },
  'templates.update': {
    resource: 'templates',
    method: 'doUpdate',
    kind: 'write',
    idempotent: true,
    implemented: true,
  },
  'templates.delete': {
    resource: 'templates',
    method: 'doDelete',
    kind: 'write',
    idempotent: true,
    implemented: true,
  },
  // A second upload of the same file only leaves an unused copy at the vendor: safe to repeat.
  'templates.uploadMedia': {
    resource: 'templates',
    method: 'doUploadMedia',
    kind: 'write',
    idempotent: true,
    implemented: true,
  },
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
