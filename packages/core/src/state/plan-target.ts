import type { TemplateStatus } from '../model/template.js';
import type { FlowsProvider, ProviderV1, TemplatesProvider } from '../provider/provider-v1.js';
import type {
  PlannedCreate,
  PlannedDelete,
  PlannedUnchanged,
  PlannedUnsupported,
  PlannedUpdate,
} from './plan.js';

/**
 * The vendor a plan is for: a client's `provider`, or an adapter's provider. Its id and
 * capabilities (delete scopes, template rules) shape the plan; where its sub-providers are given,
 * a write it lacks (no `templates.doUpdate`, say) makes the items that need it unsupported.
 */
export type PlanTarget = Pick<ProviderV1, 'id' | 'capabilities'> & {
  readonly templates?: Partial<TemplatesProvider>;
  readonly flows?: Partial<FlowsProvider>;
};

/** The lists a plan is built in. */
export interface PlanBuilder {
  readonly create: PlannedCreate[];
  readonly update: PlannedUpdate[];
  readonly delete: PlannedDelete[];
  readonly unchanged: PlannedUnchanged[];
  readonly unsupported: PlannedUnsupported[];
}

/** What the planner was asked to do. */
export interface PlanSettings {
  readonly prune: boolean;
  readonly validate: boolean;
  readonly target?: PlanTarget;
  /** The flows the vendor will have, by name, where the states tell (see `planChanges`). */
  readonly flows?: ReadonlySet<string>;
  /** The target's flow ids, where the vendor facts give them. */
  readonly flowIds?: ReadonlySet<string>;
  /** The current templates' statuses by `templateKey`, where the vendor facts give them. */
  readonly templateStatuses?: ReadonlyMap<string, TemplateStatus>;
}

/** Whether the target lacks a write: only known when its sub-provider was given. */
export function lacksMethod(
  target: PlanTarget | undefined,
  resource: 'templates' | 'flows',
  method: string,
): boolean {
  const provider = target?.[resource] as Record<string, unknown> | undefined;
  return provider !== undefined && typeof provider[method] !== 'function';
}

/** The reason an item needs a write the vendor does not have. */
export function missingWrite(target: PlanTarget, what: string) {
  return {
    path: '',
    code: 'OPERATION_UNSUPPORTED',
    message: `${target.id} cannot ${what}.`,
  };
}
