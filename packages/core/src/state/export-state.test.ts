import { describe, expect, it } from 'vitest';
import { createClient } from '../client/create-client.js';
import { ProviderUnavailableError, UnsupportedOperationError } from '../errors/error-classes.js';
import type { TemplateDraft } from '../model/inputs/template-draft.js';
import { MemoryProvider } from './__fixtures__/memory-provider.js';
import { flowJson, loginCode, orderUpdate } from './__fixtures__/state-examples.js';
import { type ExportProgress, exportState, type StateReader } from './export-state.js';
import { parseStateFile } from './parse-state-file.js';

/** The client a user would make for the vendor. */
function reader(provider: MemoryProvider): StateReader {
  return createClient({ provider, rateLimit: false, retry: { maxAttempts: 1 } });
}

describe('exportState', () => {
  it('exports every template as a draft and every flow with its Flow JSON, sorted, as a valid state file', async () => {
    const provider = new MemoryProvider();
    provider.addTemplate({ ...orderUpdate, language: 'pt_BR' });
    provider.addTemplate(loginCode);
    provider.addTemplate(orderUpdate);
    provider.addFlow({
      name: 'survey',
      status: 'THROTTLED',
      categories: ['SURVEY'],
      json: flowJson(),
      endpointUri: 'https://flows.example/d',
    });
    provider.addFlow({ name: 'draft', categories: ['OTHER'] });
    provider.addFlow({ name: 'notes', json: 'not json {' });
    const progress: ExportProgress[] = [];
    const state = await exportState(reader(provider), { onProgress: (p) => progress.push(p) });

    expect(state.templates?.map((t) => `${t.name}/${t.language}`)).toEqual([
      'login_code/en',
      'order_update/en_US',
      'order_update/pt_BR',
    ]);
    expect(state.templates?.[1]).toEqual(orderUpdate);
    expect(state.flows).toEqual([
      { name: 'draft', categories: ['OTHER'], status: 'DRAFT' },
      { name: 'notes', categories: ['OTHER'], flowJson: 'not json {', status: 'DRAFT' },
      {
        name: 'survey',
        categories: ['SURVEY'],
        endpointUri: 'https://flows.example/d',
        flowJson: flowJson(),
        status: 'PUBLISHED',
      },
    ]);
    expect(parseStateFile(JSON.parse(JSON.stringify(state)))).toEqual(state);
    expect(progress.at(-1)).toMatchObject({ templates: 3, flows: 3 });
    expect(progress.filter((p) => p.kind === 'template')).toHaveLength(3);
  });

  it("names a FLOW button's flow by its name, which is the same at every vendor", async () => {
    const provider = new MemoryProvider();
    const flow = provider.addFlow({ name: 'booking', status: 'PUBLISHED', json: flowJson() });
    const withFlow: TemplateDraft = {
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
              flowId: flow.id,
              flowAction: 'navigate',
              navigateScreen: 'WELCOME',
            },
          ],
        },
      ],
    };
    provider.addTemplate(withFlow);
    const state = await exportState(reader(provider), { only: 'templates' });
    expect(state.flows).toBeUndefined();
    expect(state.templates?.[0]?.components[1]).toEqual({
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
    });
  });

  it('leaves out templates being deleted, and exports flows alone when asked', async () => {
    const provider = new MemoryProvider();
    provider.addTemplate(orderUpdate, 'PENDING_DELETION');
    provider.addTemplate(loginCode, 'REJECTED');
    expect((await exportState(reader(provider))).templates?.map((t) => t.name)).toEqual(['login_code']);
    expect(await exportState(reader(provider), { only: 'flows' })).toEqual({ version: 1, flows: [] });
  });

  it('exports flows without their JSON where the client or the vendor cannot read it, asking once', async () => {
    const provider = new MemoryProvider();
    provider.addFlow({ name: 'a', json: flowJson() });
    provider.addFlow({ name: 'b', json: flowJson() });
    const client = reader(provider);
    const flows = { list: client.flows.list.bind(client.flows), get: client.flows.get.bind(client.flows) };
    const withoutJson = await exportState({ templates: client.templates, flows }, { concurrency: 1 });
    expect(withoutJson.flows?.map((flow) => 'flowJson' in flow)).toEqual([false, false]);

    let asked = 0;
    const state = await exportState(
      {
        templates: client.templates,
        flows: {
          ...flows,
          getJson: () => {
            asked++;
            return Promise.reject(new UnsupportedOperationError('no JSON here'));
          },
        },
      },
      { concurrency: 1 },
    );
    expect(state.flows).toHaveLength(2);
    expect(asked).toBe(1);
  });

  it('fails with the typed error of a read, and stops on abort', async () => {
    const provider = new MemoryProvider();
    provider.addTemplate(orderUpdate);
    provider.fail('templates.list', () => new ProviderUnavailableError('down'));
    await expect(exportState(reader(provider))).rejects.toBeInstanceOf(ProviderUnavailableError);
    const controller = new AbortController();
    controller.abort(new Error('stopped by the user'));
    await expect(exportState(reader(provider), { signal: controller.signal })).rejects.toThrow(
      'stopped by the user',
    );
  });
});
