import { isRecord } from '../adapter/is-record.js';
import { InvalidRequestError } from '../errors/error-classes.js';
import type { Plan } from './plan.js';
import { planFlows } from './plan-flows.js';
import type { PlanBuilder, PlanTarget } from './plan-target.js';
import { planTemplates, templateKey } from './plan-templates.js';
import type { StateFile } from './state-file.js';
import type { VendorFacts } from './vendor-facts.js';

export interface PlanChangesOptions {
  /** Plan deletes for what the vendor has and the desired state does not. Default `false`. */
  readonly prune?: boolean;
  /**
   * The vendor the plan is for (`client.provider`): its capabilities and template rules decide
   * what is `unsupported`, and the plan records its id. Without it, only WhatsApp's own rules
   * apply.
   */
  readonly provider?: PlanTarget;
  /**
   * Validate what would be sent offline (`validateTemplateDraft` with the vendor's rules, and
   * `validateFlowJson` for each Flow JSON to be uploaded or published, drafts included; its
   * errors are `FLOW_JSON_INVALID`): errors make the item unsupported, warnings
   * ride on it. Default `true`; `false` only compares.
   */
  readonly validate?: boolean;
  /**
   * What the vendor assigns that `current` leaves out, from `exportStateWithFacts` of the same
   * export: with `templateStatuses`, an edit of a template in a status the vendor does not edit
   * (`capabilities.templates.update.refusedStatuses`) is `TEMPLATE_NOT_EDITABLE`; with `flowIds`,
   * a FLOW button's `flowId` that is not one of the target's flows is `FLOW_REFERENCE` (without
   * them a `flowId` cannot be checked: the state file names no flow by id).
   */
  readonly facts?: VendorFacts;
}

/**
 * The changes that bring `current` (what a vendor has, from `exportState`) to `desired` (a state
 * file). Pure: no request, no clock.
 *
 * Templates are identified by `(name, language)`, flows by `name`. Drafts are compared in a
 * normalized form (see `normalizeTemplateDraft`): what a vendor assigns is not in a draft at all,
 * and what a vendor normalizes — the order of components and categories, whitespace around texts,
 * media samples the vendor replaces with its own copy — never shows as a change. Each update
 * lists the fields that differ (`changes`).
 *
 * A section (`templates`, `flows`) missing from `desired` is not managed: nothing of that kind is
 * created, changed or deleted. Deletes are planned only with `prune`.
 *
 * What the vendor cannot do — a write it lacks, a draft its rules or WhatsApp's refuse, a field an
 * edit cannot change, a flow change Meta's lifecycle forbids — is listed under `unsupported`,
 * with the reasons, instead of under the action it would take.
 *
 * @returns The plan; items in each list in the order of the desired file (deletes in the order of
 *   `current`).
 * @throws InvalidRequestError naming `provider` when `provider` is not a provider object (with an
 *   `id` and `capabilities`), such as the provider id `'cams'` alone.
 */
export function planChanges(desired: StateFile, current: StateFile, options: PlanChangesOptions = {}): Plan {
  checkTarget(options.provider);
  const settings = {
    prune: options.prune ?? false,
    validate: options.validate ?? true,
    ...(options.provider !== undefined && { target: options.provider }),
    ...(options.facts?.templateStatuses !== undefined && {
      templateStatuses: new Map(
        options.facts.templateStatuses.map((item) => [templateKey(item), item.status]),
      ),
    }),
    ...(options.facts?.flowIds !== undefined && {
      flowIds: new Set(options.facts.flowIds.map((flow) => flow.id)),
    }),
  };
  const plan: PlanBuilder = { create: [], update: [], delete: [], unchanged: [], unsupported: [] };
  // Flows first: a template's FLOW button needs its flow at the vendor, or made by this plan.
  if (desired.flows !== undefined) planFlows(desired.flows, current.flows ?? [], settings, plan);
  if (desired.templates !== undefined) {
    const flows = flowsAfter(plan, desired, current);
    const templateSettings = flows === undefined ? settings : { ...settings, flows };
    planTemplates(desired.templates, current.templates ?? [], templateSettings, plan);
  }
  return options.provider !== undefined ? { provider: options.provider.id, ...plan } : plan;
}

/**
 * The names of the flows the vendor will have once the plan is applied; undefined when neither
 * state says anything about flows (a templates-only file against a templates-only export).
 */
function flowsAfter(
  plan: PlanBuilder,
  desired: StateFile,
  current: StateFile,
): ReadonlySet<string> | undefined {
  if (desired.flows === undefined && current.flows === undefined) return undefined;
  const names = new Set((current.flows ?? []).map((flow) => flow.name));
  for (const item of [...plan.create, ...plan.update]) if (item.kind === 'flow') names.add(item.name);
  for (const item of plan.delete) if (item.kind === 'flow') names.delete(item.name);
  return names;
}

/** The provider object, not its id: its capabilities and rules shape the plan. */
function checkTarget(provider: unknown): void {
  if (provider === undefined) return;
  if (!isRecord(provider) || typeof provider.id !== 'string' || !isRecord(provider.capabilities)) {
    throw new InvalidRequestError(
      '`provider` must be the provider object of the client the plan is for (`client.provider`), not its id.',
      { field: 'provider' },
    );
  }
}
