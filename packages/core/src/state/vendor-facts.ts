import type { TemplateStatus } from '../model/template.js';

/**
 * What a vendor assigns and a state file leaves out, read by the same export
 * (`exportStateWithFacts`) and given to `planChanges` beside the current state, so that the plan
 * can tell what the vendor will refuse. Plain data (JSON-safe); never part of the state file a
 * team edits, which stays vendor-neutral.
 */
export interface VendorFacts {
  /** Each exported template's review status (`APPROVED`, `PENDING`, ...), by name and language. */
  readonly templateStatuses?: readonly {
    readonly name: string;
    readonly language: string;
    readonly status: TemplateStatus;
  }[];
  /** Every flow of the account, by name, with the vendor's id for it. */
  readonly flowIds?: readonly { readonly name: string; readonly id: string }[];
}
