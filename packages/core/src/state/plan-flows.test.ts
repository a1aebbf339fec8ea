import { describe, expect, it } from 'vitest';
import { flowJson, target } from './__fixtures__/state-examples.js';
import { planChanges } from './plan-changes.js';
import type { FlowDraft, StateFile } from './state-file.js';

const state = (...flows: FlowDraft[]): StateFile => ({ version: 1, flows });
const signup: FlowDraft = {
  name: 'signup',
  categories: ['SIGN_UP'],
  flowJson: flowJson(),
  status: 'PUBLISHED',
};
const survey: FlowDraft = { name: 'survey', categories: ['SURVEY', 'OTHER'], status: 'DRAFT' };

const reasonCodes = (plan: ReturnType<typeof planChanges>) =>
  plan.unsupported.map((item) => [item.name, item.action, item.reasons.map((reason) => reason.code)]);

describe('planChanges for flows', () => {
  it('creates by name, and sees no change in category order, JSON whitespace or key order', () => {
    const asText = JSON.stringify(flowJson(), null, 4);
    const reordered = { screens: flowJson().screens, version: '7.3' };
    const plan = planChanges(
      state(
        { ...signup, flowJson: asText, categories: ['SIGN_UP', 'SIGN_UP'] },
        { ...survey, categories: ['OTHER', 'SURVEY'] },
        { name: 'new', categories: ['CONTACT_US'] },
      ),
      state({ ...signup, flowJson: reordered }, survey),
      { provider: target() },
    );
    expect(plan.unchanged.map((item) => item.name)).toEqual(['signup', 'survey']);
    expect(plan.create).toEqual([
      { kind: 'flow', name: 'new', at: 'flows[2]', draft: { name: 'new', categories: ['CONTACT_US'] } },
    ]);
  });

  it('leaves what the file leaves out as it is: endpoint, Flow JSON, status', () => {
    const current: FlowDraft = { ...survey, endpointUri: 'https://flows.example/data', flowJson: flowJson() };
    expect(
      planChanges(state({ name: 'survey', categories: ['OTHER', 'SURVEY'] }), state(current)).unchanged,
    ).toHaveLength(1);
  });

  it('takes the steps a change needs, in order: metadata, JSON, publish', () => {
    const wanted: FlowDraft = {
      name: 'survey',
      categories: ['SURVEY'],
      endpointUri: 'https://flows.example/data',
      flowJson: flowJson('Your opinion'),
      status: 'PUBLISHED',
    };
    const [update] = planChanges(state(wanted), state({ ...survey, flowJson: flowJson() }), {
      provider: target(),
    }).update;
    expect(update).toMatchObject({ kind: 'flow', name: 'survey', steps: ['metadata', 'json', 'publish'] });
    expect(update?.changes).toEqual([
      { path: 'categories', desired: ['SURVEY'], current: ['OTHER', 'SURVEY'] },
      { path: 'endpointUri', desired: 'https://flows.example/data' },
      { path: 'flowJson.screens[0].title', desired: 'Your opinion', current: 'Welcome' },
      { path: 'status', desired: 'PUBLISHED', current: 'DRAFT' },
    ]);
  });

  it('publishes an edited published flow again, which an edit sends back to DRAFT, unless a draft is wanted', () => {
    const edited = planChanges(
      state({ ...signup, categories: ['SIGN_IN'], flowJson: flowJson('Hi') }),
      state(signup),
      {
        provider: target(),
      },
    );
    expect(edited.update[0]).toMatchObject({ steps: ['metadata', 'json', 'publish'] });
    const keptAsDraft = planChanges(
      state({ ...signup, flowJson: flowJson('Hi'), status: 'DRAFT' }),
      state(signup),
    );
    expect(keptAsDraft.update[0]).toMatchObject({ steps: ['json'] });
    const brokenJson = planChanges(
      state({ ...signup, flowJson: { ...flowJson(), screens: [] } }),
      state(signup),
    );
    expect(reasonCodes(brokenJson)).toEqual([['signup', 'update', ['FLOW_JSON_INVALID']]]);
  });

  it('deprecates a published flow alone: nothing of it changes afterwards', () => {
    const retire = planChanges(
      state({ ...signup, categories: ['SIGN_IN'], status: 'DEPRECATED' }),
      state(signup),
      {
        provider: target(),
      },
    );
    expect(retire.update[0]).toMatchObject({
      steps: ['deprecate'],
      changes: [{ path: 'status', desired: 'DEPRECATED', current: 'PUBLISHED' }],
    });
  });

  it("refuses what Meta's lifecycle forbids: unpublishing without an edit, changing a deprecated flow, deprecating a draft", () => {
    const deprecated: FlowDraft = { ...signup, name: 'deprecated', status: 'DEPRECATED' };
    const plan = planChanges(
      state({ ...signup, status: 'DRAFT' }, { ...survey, status: 'DEPRECATED' }),
      state(signup, survey),
      { provider: target() },
    );
    expect(reasonCodes(plan)).toEqual([
      ['signup', 'update', ['FLOW_STATUS_TRANSITION']],
      ['survey', 'update', ['FLOW_STATUS_TRANSITION']],
    ]);
    expect(plan.unsupported[0]?.reasons[0]?.message).toBe(
      'A published flow becomes a draft again only when it is edited, and nothing else of it changes.',
    );
    expect(plan.unsupported[1]?.reasons[0]?.message).toBe(
      'A flow goes to DEPRECATED only from PUBLISHED, and this one is DRAFT.',
    );
    // A deprecated flow is final: only a wish for another status shows, and it is refused.
    const final = planChanges(state({ ...deprecated, categories: ['OTHER'] }), state(deprecated));
    expect(final.unchanged).toHaveLength(1);
    const revived = planChanges(state({ ...signup, name: 'deprecated' }), state(deprecated));
    expect(reasonCodes(revived)).toEqual([['deprecated', 'update', ['FLOW_DEPRECATED']]]);
  });

  it('publishes only a Flow JSON without errors, and never a flow without one', () => {
    const broken = { ...flowJson(), screens: [] };
    const plan = planChanges(
      state({ ...signup, flowJson: broken }, { name: 'bare', categories: ['OTHER'], status: 'PUBLISHED' }),
      state(),
      { provider: target() },
    );
    expect(reasonCodes(plan)).toEqual([
      ['signup', 'create', ['FLOW_JSON_INVALID']],
      ['bare', 'create', ['FLOW_JSON_MISSING']],
    ]);
    expect(plan.unsupported[0]?.reasons[0]?.path).toMatch(/^flowJson/);
    // A draft too: the vendor would store it, and it could never be published.
    expect(
      reasonCodes(planChanges(state({ ...signup, flowJson: broken, status: 'DRAFT' }), state())),
    ).toEqual([['signup', 'create', ['FLOW_JSON_INVALID']]]);
  });

  it('prunes drafts, refuses to delete published flows, and leaves deprecated ones where they are', () => {
    const plan = planChanges(
      state(),
      state(signup, survey, { name: 'old', categories: ['OTHER'], status: 'DEPRECATED' }),
      { prune: true, provider: target() },
    );
    expect(plan.delete).toEqual([{ kind: 'flow', name: 'survey' }]);
    expect(reasonCodes(plan)).toEqual([['signup', 'delete', ['FLOW_NOT_DELETABLE']]]);
  });

  it('refuses unknown categories and writes the vendor lacks', () => {
    const plan = planChanges(
      state({ name: 'x', categories: ['UNKNOWN'] }, { ...survey, flowJson: flowJson() }),
      state({ ...survey, flowJson: flowJson('Old') }),
      { provider: target({ without: ['doUpdateJson', 'doCreate'] }) },
    );
    expect(reasonCodes(plan)).toEqual([
      ['x', 'create', ['FLOW_INVALID', 'OPERATION_UNSUPPORTED']],
      ['survey', 'update', ['OPERATION_UNSUPPORTED']],
    ]);
  });
});

describe('planChanges on Flow JSON that is not valid', () => {
  it('refuses, before anything is sent, a draft flow whose Flow JSON is not JSON or has errors', () => {
    const broken = { ...flowJson(), screens: [] };
    const plan = planChanges(
      state(
        { name: 'typo', categories: ['OTHER'], flowJson: '{not json', status: 'DRAFT' },
        { name: 'empty', categories: ['OTHER'], flowJson: broken },
        { ...survey, flowJson: broken },
      ),
      state({ ...survey, flowJson: flowJson() }),
      { provider: target() },
    );
    expect(plan.create).toEqual([]);
    expect(plan.update).toEqual([]);
    expect(reasonCodes(plan).map(([name, action, codes]) => [name, action, [...new Set(codes)]])).toEqual([
      ['typo', 'create', ['FLOW_JSON_INVALID']],
      ['empty', 'create', ['FLOW_JSON_INVALID']],
      ['survey', 'update', ['FLOW_JSON_INVALID']],
    ]);
    expect(plan.unsupported[0]!.reasons[0]!.message).not.toBe('');
  });

  it('only compares with validate: false', () => {
    const plan = planChanges(state({ name: 'typo', categories: ['OTHER'], flowJson: '{not json' }), state(), {
      validate: false,
    });
    expect(plan.create.map((item) => item.name)).toEqual(['typo']);
  });
});
