import type { TemplateDraft } from '../model/inputs/template-draft.js';
import type { TemplateDraftIssue } from '../validation/template-draft/template-issues.js';
import type { FieldChange } from './field-changes.js';
import type { FlowDraft } from './state-file.js';

/*
 * What `planChanges` finds and `applyPlan` carries out. Plain data: a plan can be printed,
 * stored as JSON and applied later (re-planning first is wiser, since the vendor may have changed
 * meanwhile). Every item names its template by `(name, language)` or its flow by `name`, never by
 * a vendor's id, so a plan made against one vendor's export reads the same for another.
 */

/** Where an item comes from in the desired state file: `templates[3]`, `flows[0]`. */
interface FromFile {
  readonly at?: string;
}

export interface TemplateCreate extends FromFile {
  readonly kind: 'template';
  readonly name: string;
  readonly language: string;
  readonly draft: TemplateDraft;
  /** What offline validation warns of; nothing that stops the create. */
  readonly warnings: readonly TemplateDraftIssue[];
}

export interface FlowCreate extends FromFile {
  readonly kind: 'flow';
  readonly name: string;
  readonly draft: FlowDraft;
}

/** An item to create: it is in the desired state and not at the vendor. */
export type PlannedCreate = TemplateCreate | FlowCreate;

export interface TemplateUpdate extends FromFile {
  readonly kind: 'template';
  readonly name: string;
  readonly language: string;
  /** The draft wanted; its category, components and `messageSendTtlSeconds` are sent. */
  readonly draft: TemplateDraft;
  /** The draft as the vendor has it now. */
  readonly current: TemplateDraft;
  readonly changes: readonly FieldChange[];
  readonly warnings: readonly TemplateDraftIssue[];
}

/**
 * The writes a flow update takes, in this order: `metadata` (categories, endpoint), `json` (the
 * Flow JSON), `publish` (also after an edit of a published flow, which Meta's current Flows API
 * sends back to DRAFT; skipped when the flow is still published after the edit), `deprecate`
 * (alone: nothing of a deprecated flow can change).
 */
export type FlowUpdateStep = 'metadata' | 'json' | 'publish' | 'deprecate';

export interface FlowUpdate extends FromFile {
  readonly kind: 'flow';
  readonly name: string;
  readonly draft: FlowDraft;
  readonly current: FlowDraft;
  readonly changes: readonly FieldChange[];
  readonly steps: readonly FlowUpdateStep[];
}

/** An item that is at the vendor and differs from the desired state. */
export type PlannedUpdate = TemplateUpdate | FlowUpdate;

export interface TemplateDelete {
  readonly kind: 'template';
  readonly name: string;
  readonly language: string;
  /**
   * `language`: this template alone. `name`: the vendor deletes every language of a name at once
   * (NXCloud), and every language of this name is to be deleted; `applyPlan` sends one delete
   * per name.
   */
  readonly scope: 'language' | 'name';
}

export interface FlowDelete {
  readonly kind: 'flow';
  readonly name: string;
}

/** An item at the vendor that the desired state does not have; planned only with `prune`. */
export type PlannedDelete = TemplateDelete | FlowDelete;

/** An item that is the same in the desired state and at the vendor. */
export type PlannedUnchanged =
  | ({ readonly kind: 'template'; readonly name: string; readonly language: string } & FromFile)
  | ({ readonly kind: 'flow'; readonly name: string } & FromFile);

/**
 * Why an item cannot be carried out at this vendor. `code` is stable: a template rule's code from
 * `validateTemplateDraft` (e.g. `VENDOR_BUTTON_UNSUPPORTED`), or one of the planner's own:
 * `OPERATION_UNSUPPORTED` (the vendor has no such write), `FIELD_NOT_UPDATABLE` (a template edit
 * cannot change the field), `TEMPLATE_NOT_EDITABLE` (the vendor does not edit a template in its
 * current status), `DELETE_SCOPE` (the vendor deletes every language of a name at once,
 * and another language is still wanted), `FLOW_REFERENCE` (a FLOW button names a flow the vendor
 * will not have), `FLOW_INVALID`, `FLOW_JSON_INVALID`, `FLOW_JSON_MISSING`, `FLOW_DEPRECATED` (a
 * deprecated flow cannot change), `FLOW_STATUS_TRANSITION` (a status the flow cannot reach from
 * its own), `FLOW_NOT_DELETABLE` (only draft flows can be deleted).
 */
export interface UnsupportedReason {
  /** Within the item, e.g. `components[2].buttons[0]`, `status`; `''` for the whole item. */
  readonly path: string;
  readonly code: string;
  readonly message: string;
}

/** An item that the plan will not carry out, and why; nothing is sent for it. */
export interface PlannedUnsupported extends FromFile {
  readonly kind: 'template' | 'flow';
  readonly name: string;
  /** Templates only. */
  readonly language?: string;
  /** What it would have taken. */
  readonly action: 'create' | 'update' | 'delete';
  readonly reasons: readonly UnsupportedReason[];
}

/**
 * The changes that bring a vendor to a desired state, by kind. `unsupported` lists, before
 * anything is sent, what this vendor cannot do; `applyPlan` leaves it out.
 */
export interface Plan {
  /** The provider id the plan was made for; `applyPlan` refuses to apply it to another. */
  readonly provider?: string;
  readonly create: readonly PlannedCreate[];
  readonly update: readonly PlannedUpdate[];
  readonly delete: readonly PlannedDelete[];
  readonly unchanged: readonly PlannedUnchanged[];
  readonly unsupported: readonly PlannedUnsupported[];
}

/** Whether the plan has nothing to send: no create, update or delete. */
export function isEmptyPlan(plan: Plan): boolean {
  return plan.create.length === 0 && plan.update.length === 0 && plan.delete.length === 0;
}
