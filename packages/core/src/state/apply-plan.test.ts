import { describe, expect, it } from 'vitest';
import { createClient } from '../client/create-client.js';
import { InvalidRequestError, ProviderUnavailableError } from '../errors/error-classes.js';
import type { TemplateDraft } from '../model/inputs/template-draft.js';
import { MemoryProvider } from './__fixtures__/memory-provider.js';
import { flowJson, loginCode, orderUpdate, springSale } from './__fixtures__/state-examples.js';
import { type ApplyProgress, applyPlan } from './apply-plan.js';
import { exportState, exportStateWithFacts } from './export-state.js';
import { isEmptyPlan } from './plan.js';
import { planChanges } from './plan-changes.js';
import type { StateFile } from './state-file.js';

const bookNow: TemplateDraft = {
  name: 'book_now',
  language: 'en',
  category: 'MARKETING',
  components: [
    { type: 'BODY', text: 'Book your visit.' },
    {
      type: 'BUTTONS',
      buttons: [
        {
          type: 'FLOW',
          text: 'Book',
          flowName: 'booking',
          flowAction: 'navigate',
          navigateScreen: 'WELCOME',
        },
      ],
    },
  ],
};

const desired: StateFile = {
  version: 1,
  templates: [orderUpdate, loginCode, bookNow, { ...springSale, language: 'pt_BR' }],
  flows: [
    { name: 'booking', categories: ['APPOINTMENT_BOOKING'], flowJson: flowJson(), status: 'PUBLISHED' },
    { name: 'survey', categories: ['SURVEY'], flowJson: flowJson('Tell us'), status: 'DRAFT' },
  ],
};

/** A vendor with some of the desired state, something to change and something to prune. */
function vendor(): MemoryProvider {
  const provider = new MemoryProvider();
  provider.addTemplate({ ...orderUpdate, components: orderUpdate.components.slice(1) });
  provider.addTemplate(springSale);
  provider.addFlow({ name: 'survey', categories: ['OTHER'], json: flowJson() });
  provider.addFlow({ name: 'old_draft' });
  return provider;
}

/** The client a user would make for the vendor: writes validated, retried and reconciled. */
function clientOf(provider: MemoryProvider) {
  return createClient({ provider, rateLimit: false });
}

async function plan(provider: MemoryProvider, state = desired) {
  return planChanges(state, await exportState(clientOf(provider)), { prune: true, provider });
}

describe('applyPlan', () => {
  it('brings the vendor to the desired state, after which a new plan is empty', async () => {
    const provider = vendor();
    const writer = clientOf(provider);
    const first = await plan(provider);
    const progress: ApplyProgress[] = [];
    const report = await applyPlan(writer, first, { onProgress: (p) => progress.push(p) });

    expect(report.counts).toEqual({ created: 4, updated: 2, deleted: 2, failed: 0, skipped: 0 });
    expect(report.aborted).toBe(false);
    expect(progress.map((p) => p.done)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(progress.every((p) => p.total === 8)).toBe(true);
    // Templates under review are reported, not waited for.
    const created = report.items.find((item) => item.name === 'login_code');
    expect(created).toMatchObject({ status: 'created', reviewStatus: 'PENDING', action: 'create' });

    const after = await plan(provider);
    expect(isEmptyPlan(after)).toBe(true);
    expect(after.unsupported).toEqual([]);
    // The FLOW button was sent with the id this vendor gave the flow.
    const booking = provider.flowList.find(({ flow }) => flow.name === 'booking')!.flow;
    const sent = provider.templateList.find((template) => template.name === 'book_now')!;
    expect(sent.components[1]).toMatchObject({ buttons: [{ type: 'FLOW', flowId: booking.id }] });
    expect(booking.status).toBe('PUBLISHED');
  });

  it('creates and changes flows before the templates that need them, and deletes templates before flows', async () => {
    const provider = vendor();
    provider.addTemplate(loginCode);
    const writer = clientOf(provider);
    const state: StateFile = { version: 1, templates: [bookNow], flows: [desired.flows![0]!] };
    await applyPlan(writer, await plan(provider, state), { concurrency: 1 });
    expect(provider.log.map((call) => call.split(' ')[0])).toEqual([
      'flows.create',
      'flows.updateJson',
      'flows.publish',
      'templates.create',
      'templates.delete',
      'templates.delete',
      'templates.delete',
      'flows.delete',
      'flows.delete',
    ]);
  });

  it('reports a failure with its typed error and goes on; the next plan and apply finish the job', async () => {
    const provider = vendor();
    // Refusals a retry would not change.
    provider.fail('templates.create', () => new InvalidRequestError('refused', { outcome: 'failed' }));
    provider.fail('flows.publish', () => new InvalidRequestError('refused', { outcome: 'failed' }));
    const writer = clientOf(provider);
    const report = await applyPlan(writer, await plan(provider), { concurrency: 1 });
    const failed = report.items.filter((item) => item.status === 'failed');
    expect(failed.map((item) => [item.kind, item.name, item.action])).toEqual([
      ['flow', 'booking', 'create'],
      ['template', 'login_code', 'create'],
    ]);
    expect(InvalidRequestError.isInstance(failed[0]!.error)).toBe(true);
    // The flow was created before its publish was refused: something was applied.
    expect(failed[0]!.error).toMatchObject({
      outcome: 'unknown',
      details: { created: true, step: 'publish' },
    });
    expect(report.counts.failed).toBe(2);

    const second = await plan(provider);
    // The flow exists as a draft with its JSON: only publishing is left.
    expect(second.update.find((item) => item.name === 'booking')).toMatchObject({ steps: ['publish'] });
    const rest = await applyPlan(writer, second);
    expect(rest.counts.failed).toBe(0);
    expect(isEmptyPlan(await plan(provider))).toBe(true);
    expect(provider.flowList.filter(({ flow }) => flow.name === 'booking')).toHaveLength(1);
    expect(provider.writes.get('flows.create')).toBe(1);
  });

  it('stops cleanly on abort: items not started are skipped, and a re-run completes without duplicates', async () => {
    const provider = vendor();
    const writer = clientOf(provider);
    const controller = new AbortController();
    const report = await applyPlan(writer, await plan(provider), {
      signal: controller.signal,
      concurrency: 1,
      onProgress: ({ done }) => {
        if (done === 3) controller.abort(new Error('stopped'));
      },
    });
    expect(report.aborted).toBe(true);
    expect(report.items.slice(0, 3).every((item) => item.status !== 'skipped')).toBe(true);
    expect(report.items.slice(3).every((item) => item.status === 'skipped')).toBe(true);
    expect(report.items).toHaveLength(8);

    const rest = await applyPlan(writer, await plan(provider));
    expect(rest.counts.failed).toBe(0);
    expect(rest.items).toHaveLength(5);
    expect(isEmptyPlan(await plan(provider))).toBe(true);
    expect(provider.writes.get('templates.create')).toBe(3);
    expect(provider.writes.get('flows.create')).toBe(1);
  });

  it('lets the items in flight finish on abort, and reports them as they ended', async () => {
    const provider = vendor();
    const writer = clientOf(provider);
    const controller = new AbortController();
    // The first flow create is under way at the vendor when the run is aborted.
    const create = provider.flows.doCreate!;
    provider.flows.doCreate = async (request, context) => {
      controller.abort(new Error('stopped'));
      return create(request, context);
    };
    const report = await applyPlan(writer, await plan(provider), {
      signal: controller.signal,
      concurrency: 1,
    });
    expect(report.aborted).toBe(true);
    expect(report.items[0]).toMatchObject({
      kind: 'flow',
      name: 'booking',
      action: 'create',
      status: 'created',
    });
    expect(report.items.slice(1).every((item) => item.status === 'skipped')).toBe(true);
    // What was reported created is there, published as the file wants.
    const booking = provider.flowList.find(({ flow }) => flow.name === 'booking')?.flow;
    expect(booking).toMatchObject({ id: report.items[0]!.id, status: 'PUBLISHED' });
  });

  it('waits for the review when asked, and reports how it ended', async () => {
    const provider = new MemoryProvider();
    provider.reviewOnRead = 'REJECTED';
    const state: StateFile = { version: 1, templates: [loginCode] };
    const waited = await applyPlan(clientOf(provider), await plan(provider, state), { wait: true });
    expect(waited.items[0]).toMatchObject({ status: 'created', reviewStatus: 'REJECTED' });
  });

  it('deletes every language of a name in one call where the vendor deletes by name', async () => {
    const provider = new MemoryProvider('by-name', { deleteScopes: ['name'] });
    provider.addTemplate(orderUpdate);
    provider.addTemplate({ ...orderUpdate, language: 'pt_BR' });
    const writer = clientOf(provider);
    const report = await applyPlan(writer, await plan(provider, { version: 1, templates: [] }));
    expect(provider.log).toEqual(['templates.delete order_update']);
    expect(report.items.map((item) => [item.language, item.status])).toEqual([
      ['en_US', 'deleted'],
      ['pt_BR', 'deleted'],
    ]);
  });

  it.each([Number.NaN, -1, 1.5, 0, 17])(
    'refuses a concurrency of %s before sending anything',
    async (concurrency) => {
      const provider = vendor();
      const first = await plan(provider);
      await expect(applyPlan(clientOf(provider), first, { concurrency })).rejects.toMatchObject({
        name: 'InvalidRequestError',
        field: 'concurrency',
      });
      expect(provider.log).toEqual([]);
    },
  );

  it('refuses, before sending anything, a plan made for another vendor', async () => {
    const provider = vendor();
    const writer = clientOf(provider);
    const other = { ...(await plan(provider)), provider: 'cams' };
    await expect(applyPlan(writer, other)).rejects.toBeInstanceOf(InvalidRequestError);
    expect(provider.log).toEqual([]);
  });
});

describe('applyPlan on published flows', () => {
  it.each([
    ['sends an edited flow back to DRAFT', true, 1],
    ['keeps an edited flow published', false, 0],
  ])('publishes an edited flow again where the vendor %s', async (_, editUnpublishes, publishes) => {
    const provider = new MemoryProvider();
    provider.editUnpublishes = editUnpublishes;
    provider.addFlow({
      name: 'booking',
      status: 'PUBLISHED',
      categories: ['APPOINTMENT_BOOKING'],
      json: flowJson(),
    });
    const state: StateFile = {
      version: 1,
      flows: [
        {
          name: 'booking',
          categories: ['APPOINTMENT_BOOKING'],
          flowJson: flowJson('Book a visit'),
          status: 'PUBLISHED',
        },
      ],
    };
    const report = await applyPlan(clientOf(provider), await plan(provider, state));
    expect(report.items).toMatchObject([{ status: 'updated', action: 'update' }]);
    expect(provider.writes.get('flows.publish') ?? 0).toBe(publishes);
    expect(provider.flowList[0]?.flow.status).toBe('PUBLISHED');
    expect(isEmptyPlan(await plan(provider, state))).toBe(true);
  });
});

describe('applyPlan after an unknown outcome', () => {
  it('creates nothing twice: the client finds the write applied and says so', async () => {
    const provider = vendor();
    const lost = () => new ProviderUnavailableError('socket hang up', { outcome: 'unknown' });
    provider.loseAnswer('templates.create', lost);
    provider.loseAnswer('flows.create', lost);
    const report = await applyPlan(clientOf(provider), await plan(provider), { concurrency: 1 });
    expect(report.counts.failed).toBe(0);
    expect(report.items.filter((item) => item.reconciled).map((item) => [item.kind, item.name])).toEqual([
      ['flow', 'booking'],
      ['template', 'login_code'],
    ]);
    expect(provider.writes.get('flows.create')).toBe(1);
    expect(provider.writes.get('templates.create')).toBe(3);
    expect(isEmptyPlan(await plan(provider))).toBe(true);
  });
});

describe('planChanges with the vendor facts of the export', () => {
  /** A vendor that does not edit approved templates, as CAMS documents. */
  function refusingApproved(status: 'APPROVED' | 'REJECTED'): MemoryProvider {
    const provider = new MemoryProvider();
    Object.assign(provider.capabilities.templates, { update: { refusedStatuses: ['APPROVED'] } });
    provider.addTemplate({ ...orderUpdate, components: orderUpdate.components.slice(1) }, status);
    return provider;
  }
  const state: StateFile = { version: 1, templates: [orderUpdate] };

  it('lists an edit the vendor refuses in the template status as unsupported, and sends nothing', async () => {
    const provider = refusingApproved('APPROVED');
    const exported = await exportStateWithFacts(clientOf(provider));
    expect(exported.state).toEqual(await exportState(clientOf(provider)));
    const planned = planChanges(state, exported.state, { provider, facts: exported.facts });
    expect(planned.update).toEqual([]);
    expect(planned.unsupported).toMatchObject([
      { name: 'order_update', action: 'update', reasons: [{ code: 'TEMPLATE_NOT_EDITABLE' }] },
    ]);
    expect(planned.unsupported[0]!.reasons[0]!.message).toMatch(/new name|delete/);
    await applyPlan(clientOf(provider), planned);
    expect(provider.log).toEqual([]);
  });

  it('plans the edit of a template in a status the vendor edits', async () => {
    const provider = refusingApproved('REJECTED');
    const { state: current, facts } = await exportStateWithFacts(clientOf(provider));
    const planned = planChanges(state, current, { provider, facts });
    expect(planned.update.map((item) => item.name)).toEqual(['order_update']);
  });
});
