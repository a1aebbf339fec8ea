/** The flow writes of Meta's Flows API, as both vendors pass them on. */
export type FlowOperation = 'create' | 'update' | 'updateJson' | 'publish' | 'deprecate' | 'delete';

/**
 * Why Meta refuses a flow write. Each vendor answers each kind with its own error:
 * - `not-found`: no flow with that id (`field` is `clone_flow_id` for a clone's source);
 * - `name-taken`: another flow of the account has that name;
 * - `wrong-state`: the flow's status forbids the operation (`status` says which it is);
 * - `validation-errors`: publishing a flow whose Flow JSON has validation errors;
 * - `invalid-input`: a value Meta refuses (`field` names it).
 */
export type FlowRefusalKind =
  | 'not-found'
  | 'name-taken'
  | 'wrong-state'
  | 'validation-errors'
  | 'invalid-input';

/** A flow write Meta's rules refuse; the vendor servers turn it into their own error answer. */
export class FlowRefusal extends Error {
  override readonly name = 'FlowRefusal';

  constructor(
    /** Why it was refused. */
    readonly kind: FlowRefusalKind,
    /** The write refused. */
    readonly operation: FlowOperation,
    message: string,
    /** The flow's status for `wrong-state`; the field at fault for `invalid-input` and a clone's `not-found`. */
    readonly details: { readonly status?: string; readonly field?: string } = {},
  ) {
    super(message);
  }
}
