import { validateFlowJson } from '../validation/flow-json/validate-flow-json.js';
import { deepEqual } from './deep-equal.js';
import { type FieldChange, fieldChanges } from './field-changes.js';
import { normalizeFlowDraft } from './normalize-flow-draft.js';
import type { FlowUpdateStep, UnsupportedReason } from './plan.js';
import { lacksMethod, missingWrite, type PlanBuilder, type PlanSettings } from './plan-target.js';
import type { FlowDraft, FlowDraftStatus } from './state-file.js';

/**
 * Plans the flows: identity `name`. Meta's flow lifecycle decides what can change: a DRAFT can
 * change in every way, be published or be deleted; a PUBLISHED flow can be edited (categories,
 * endpoint, Flow JSON), which sends it back to DRAFT under Meta's current Flows API, so the plan
 * publishes it again unless the file wants a draft; it can be deprecated, not deleted; a
 * DEPRECATED flow cannot change at all. What the lifecycle forbids is unsupported, never a
 * replace: flow names are unique per account and a published flow cannot be deleted, so a flow
 * cannot be created again under its own name.
 */
export function planFlows(
  desired: readonly FlowDraft[],
  current: readonly FlowDraft[],
  settings: PlanSettings,
  plan: PlanBuilder,
): void {
  const currentByName = new Map(current.map((flow) => [flow.name, flow]));
  desired.forEach((draft, index) => {
    const at = `flows[${index}]`;
    const { name } = draft;
    const existing = currentByName.get(name);
    if (existing === undefined) {
      const reasons = createReasons(draft, settings);
      if (reasons.length > 0) plan.unsupported.push({ kind: 'flow', name, at, action: 'create', reasons });
      else plan.create.push({ kind: 'flow', name, at, draft });
      return;
    }
    const changes = flowChanges(draft, existing);
    if (changes.length === 0) {
      plan.unchanged.push({ kind: 'flow', name, at });
      return;
    }
    const { steps, reasons } = updateSteps(draft, existing, changes, settings);
    if (reasons.length > 0) plan.unsupported.push({ kind: 'flow', name, at, action: 'update', reasons });
    else plan.update.push({ kind: 'flow', name, at, draft, current: existing, changes, steps });
  });

  if (!settings.prune) return;
  const wanted = new Set(desired.map((flow) => flow.name));
  for (const flow of current) {
    if (wanted.has(flow.name)) continue;
    // A deprecated flow is already retired, and Meta keeps it: there is nothing left to do.
    if (flow.status === 'DEPRECATED') continue;
    const reasons: UnsupportedReason[] = [];
    if (flow.status === 'PUBLISHED') {
      reasons.push({
        path: 'status',
        code: 'FLOW_NOT_DELETABLE',
        message:
          'Only draft flows can be deleted; to retire a published flow, keep it with status DEPRECATED.',
      });
    } else if (settings.target !== undefined && lacksMethod(settings.target, 'flows', 'doDelete')) {
      reasons.push(missingWrite(settings.target, 'delete flows'));
    }
    if (reasons.length > 0)
      plan.unsupported.push({ kind: 'flow', name: flow.name, action: 'delete', reasons });
    else plan.delete.push({ kind: 'flow', name: flow.name });
  }
}

/**
 * What differs, of what the draft states: categories always; endpoint, Flow JSON and status only
 * when the draft gives them (absent means "leave as it is").
 */
function flowChanges(draft: FlowDraft, existing: FlowDraft): FieldChange[] {
  if (existing.status === 'DEPRECATED') {
    // Nothing of a deprecated flow can change: only a different status is worth reporting.
    return draft.status === undefined || draft.status === 'DEPRECATED'
      ? []
      : [{ path: 'status', desired: draft.status, current: existing.status }];
  }
  const wanted = normalizeFlowDraft(draft);
  const now = normalizeFlowDraft(existing);
  if (draft.endpointUri === undefined) delete now.endpointUri;
  if (draft.flowJson === undefined) delete now.flowJson;
  const changes = deepEqual(wanted, now) ? [] : fieldChanges(wanted, now);
  if (draft.status !== undefined && draft.status !== existing.status) {
    changes.push({
      path: 'status',
      desired: draft.status,
      ...(existing.status !== undefined && { current: existing.status }),
    });
  }
  return changes;
}

function createReasons(draft: FlowDraft, settings: PlanSettings): UnsupportedReason[] {
  const { target } = settings;
  const reasons = draftReasons(draft);
  if (draft.status === 'DEPRECATED') {
    reasons.push({
      path: 'status',
      code: 'FLOW_STATUS_TRANSITION',
      message: 'A flow is not created only to be deprecated; leave it out of the file.',
    });
  }
  if (target !== undefined) {
    if (lacksMethod(target, 'flows', 'doCreate')) reasons.push(missingWrite(target, 'create flows'));
    if (draft.flowJson !== undefined && lacksMethod(target, 'flows', 'doUpdateJson'))
      reasons.push(missingWrite(target, 'upload Flow JSON'));
    if (draft.status === 'PUBLISHED' && lacksMethod(target, 'flows', 'doPublish'))
      reasons.push(missingWrite(target, 'publish flows'));
  }
  if (draft.flowJson !== undefined) validJson(draft.flowJson, settings, reasons);
  else if (draft.status === 'PUBLISHED') {
    reasons.push({
      path: 'flowJson',
      code: 'FLOW_JSON_MISSING',
      message: 'A flow is published with its Flow JSON: give flowJson.',
    });
  }
  return reasons;
}

function updateSteps(
  draft: FlowDraft,
  existing: FlowDraft,
  changes: FieldChange[],
  settings: PlanSettings,
): { steps: FlowUpdateStep[]; reasons: UnsupportedReason[] } {
  const { target } = settings;
  const reasons = draftReasons(draft);
  const steps: FlowUpdateStep[] = [];
  if (existing.status === 'DEPRECATED') {
    reasons.push({
      path: 'status',
      code: 'FLOW_DEPRECATED',
      message: 'A deprecated flow cannot change; give the new flow another name.',
    });
    return { steps, reasons };
  }
  const need = (method: string, what: string) => {
    if (target !== undefined && lacksMethod(target, 'flows', method))
      reasons.push(missingWrite(target, what));
  };
  const from = existing.status;
  const to = draft.status ?? from;
  if (to === 'DEPRECATED') {
    // Only a published flow is deprecated, and nothing of it changes afterwards: edits would be lost.
    if (from === 'PUBLISHED') {
      steps.push('deprecate');
      need('doDeprecate', 'deprecate flows');
      changes.splice(0, changes.length, ...changes.filter((change) => change.path === 'status'));
    } else {
      reasons.push(transition(to, from));
    }
    return { steps, reasons };
  }
  const changed = new Set(changes.map((change) => change.path.split(/[.[]/, 1)[0]!));
  if (changed.has('categories') || changed.has('endpointUri')) {
    steps.push('metadata');
    need('doUpdate', 'edit flows');
  }
  if (changed.has('flowJson') && draft.flowJson !== undefined) {
    steps.push('json');
    need('doUpdateJson', 'upload Flow JSON');
    validJson(draft.flowJson, settings, reasons);
  }
  const edited = steps.length > 0;
  if (to === 'PUBLISHED' && (from !== 'PUBLISHED' || edited)) {
    // An edit sends a published flow back to DRAFT: it is published again, its JSON checked first.
    steps.push('publish');
    need('doPublish', 'publish flows');
    // The JSON to upload is checked above; the vendor's, when it is the one published.
    if (!steps.includes('json') && existing.flowJson !== undefined)
      validJson(existing.flowJson, settings, reasons);
  } else if (to === 'DRAFT' && from === 'PUBLISHED' && !edited) {
    reasons.push(transition(to, from));
  }
  return { steps, reasons };
}

function transition(to: FlowDraftStatus, from: FlowDraftStatus | undefined): UnsupportedReason {
  return {
    path: 'status',
    code: 'FLOW_STATUS_TRANSITION',
    message:
      to === 'DRAFT'
        ? 'A published flow becomes a draft again only when it is edited, and nothing else of it changes.'
        : `A flow goes to ${to} only from ${to === 'DEPRECATED' ? 'PUBLISHED' : 'DRAFT'}, and this one is ${from ?? 'of an unknown status'}.`,
  };
}

/** What no vendor takes: a flow without a known category. */
function draftReasons(draft: FlowDraft): UnsupportedReason[] {
  const reasons: UnsupportedReason[] = [];
  if (draft.categories.length === 0) {
    reasons.push({
      path: 'categories',
      code: 'FLOW_INVALID',
      message: 'A flow needs at least one category.',
    });
  }
  draft.categories.forEach((category, index) => {
    if (category === 'UNKNOWN') {
      reasons.push({
        path: `categories[${index}]`,
        code: 'FLOW_INVALID',
        message: "'UNKNOWN' stands for a category this library does not know; name a known one.",
      });
    }
  });
  return reasons;
}

/**
 * The Flow JSON about to be uploaded or published, checked offline (`validateFlowJson`): text that
 * is not JSON, or JSON that Meta would find errors in, is refused before anything is sent — a
 * draft too, since an upload with errors would be reported done while the flow cannot be
 * published, and the next plan would see no change. The first five errors become reasons.
 */
function validJson(
  flowJson: NonNullable<FlowDraft['flowJson']>,
  settings: PlanSettings,
  reasons: UnsupportedReason[],
): void {
  if (!settings.validate) return;
  for (const error of validateFlowJson(flowJson).slice(0, 5)) {
    const pointer = error.pointers?.[0]?.path;
    reasons.push({
      path: pointer ? `flowJson.${pointer}` : 'flowJson',
      code: 'FLOW_JSON_INVALID',
      message: `${error.error ?? 'ERROR'}: ${error.message} (Meta publishes no flow whose JSON has errors)`,
    });
  }
}
