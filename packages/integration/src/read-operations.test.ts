import {
  FLOW_CATEGORIES,
  FLOW_STATUSES,
  FlowPreviewSchema,
  FlowSchema,
  FlowSummarySchema,
  TEMPLATE_CATEGORIES,
  TEMPLATE_STATUSES,
  type Template,
  TemplateSchema,
  TemplateSummarySchema,
  type WhatsAppClient,
} from '@whatsapp-bsp/core';
import { type Emulator, type EmulatorTemplate, startEmulator, type Vendor } from '@whatsapp-bsp/emulator';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { clientFor, VENDORS } from './emulator-clients.js';

// Every read operation of both adapters, through `createClient` by provider name, against the
// emulator over real loopback sockets. The emulator's store is the expected answer.

let emulator: Emulator;
const clients = {} as Record<Vendor, WhatsAppClient>;

beforeAll(async () => {
  emulator = await startEmulator();
  // The CAMS budget of 5 requests/s would only slow these tests down; pacing is core's to test.
  for (const vendor of VENDORS) clients[vendor] = await clientFor(emulator, vendor, { rateLimit: false });
});
afterAll(() => emulator.close());
beforeEach(() => emulator.requests.reset());

const known = <T extends string>(values: readonly T[], value: string): T | 'UNKNOWN' =>
  (values as readonly string[]).includes(value) ? (value as T) : 'UNKNOWN';

const secondsOnly = (vendor: Vendor, epochMs: number) =>
  vendor === 'nxcloud' ? Math.floor(epochMs / 1000) * 1000 : epochMs;

/** The id each vendor gives a stored template: Meta's id on NXCloud, `<TemplateCode>:<Language>` on CAMS. */
function templateId(vendor: Vendor, template: EmulatorTemplate): string {
  return vendor === 'nxcloud' ? template.id : `${template.code}:${template.language}`;
}

function expectTemplateMatches(vendor: Vendor, actual: Record<string, unknown>, stored: EmulatorTemplate) {
  expect(actual).toMatchObject({
    provider: vendor,
    id: templateId(vendor, stored),
    name: stored.name,
    language: stored.language,
    status: known(TEMPLATE_STATUSES, stored.status),
  });
}

describe.each(VENDORS)('%s through the client, against the emulator', (vendor) => {
  it('flows.get returns every stored flow with its status and categories', async () => {
    const flows = emulator.store.flows.list();
    for (const stored of flows) {
      const flow = await clients[vendor].flows.get(stored.id);
      expect(FlowSchema.parse(flow)).toMatchObject({
        provider: vendor,
        id: stored.id,
        name: stored.name,
        status: known(FLOW_STATUSES, stored.status),
        categories: stored.categories.map((category) => known(FLOW_CATEGORIES, category)),
      });
      expect(flow.$metadata.attempts).toBe(1);
    }
    expect(emulator.requests.count(vendor)).toBe(flows.length);
  });

  it('flows.preview returns the stored preview link and its expiry', async () => {
    for (const stored of emulator.store.flows.list().filter((flow) => flow.preview)) {
      const preview = await clients[vendor].flows.preview(stored.id);
      expect(FlowPreviewSchema.parse(preview)).toMatchObject({
        provider: vendor,
        flowId: stored.id,
        url: stored.preview?.url,
        // NXCloud writes the expiry to the second.
        expiresAt: new Date(secondsOnly(vendor, stored.preview?.expiresAt ?? 0)),
      });
    }
  });

  it('flows.list pages to the end: every flow once, in store order, one request per page', async () => {
    const pageSize = 7;
    const pages = [];
    for await (const page of clients[vendor].flows.list({ pageSize }).pages()) pages.push(page);
    const items = pages.flatMap((page) => page.items);
    const stored = emulator.store.flows.list();
    expect(items.map((flow) => flow.id)).toEqual(stored.map((flow) => flow.id));
    for (const item of items) FlowSummarySchema.parse(item);
    // NXCloud lists statuses; CAMS's ListFlow does not, as its capabilities say.
    expect(items.every((flow) => (flow.status !== undefined) === (vendor === 'nxcloud'))).toBe(true);
    expect(pages).toHaveLength(Math.ceil(stored.length / pageSize));
    expect(emulator.requests.count(vendor)).toBe(pages.length);
  });

  it('a list resumes from the cursor of a page and ends where the whole list ends', async () => {
    const first = await clients[vendor].flows.list({ pageSize: 10 }).pages().next();
    const cursor = first.done ? undefined : first.value.nextCursor;
    expect(cursor).toEqual(expect.any(String));
    const rest = await clients[vendor].flows.list({ pageSize: 10, cursor }).toArray();
    expect(rest.map((flow) => flow.id)).toEqual(
      emulator.store.flows
        .list()
        .slice(10)
        .map((flow) => flow.id),
    );
  });

  it('templates.list pages to the end: every stored template once, with the store count', async () => {
    const templates = await clients[vendor].templates.list({ pageSize: 9 }).toArray();
    const stored = emulator.store.templates.list();
    expect(templates).toHaveLength(emulator.store.templates.count);
    templates.forEach((template, index) => {
      TemplateSummarySchema.parse(template);
      expectTemplateMatches(vendor, template, stored[index]!);
    });
    expect(emulator.requests.count(vendor)).toBe(Math.ceil(stored.length / 9));
  });

  it('templates.list by name returns every language of that name', async () => {
    const name = emulator.store.templates.list().find((template, _, all) => {
      return all.filter((other) => other.name === template.name).length > 1;
    })?.name;
    expect(name).toBeDefined();
    const templates = await clients[vendor].templates.list({ name }).toArray();
    const stored = emulator.store.templates.list().filter((template) => template.name === name);
    expect(templates.map((template) => template.language).sort()).toEqual(
      stored.map((template) => template.language).sort(),
    );
  });

  it('templates.get by name and language, and by the id a list handed out', async () => {
    const sample = emulator.store.templates.list().filter((_, index) => index % 12 === 0);
    for (const stored of sample) {
      const byName = await clients[vendor].templates.get({ name: stored.name, language: stored.language });
      TemplateSchema.parse(byName);
      expectTemplateMatches(vendor, byName, stored);
      expect(byName.components.map((component) => component.type)).toEqual(
        stored.components.map((component) => component.type),
      );
      const byId = await clients[vendor].templates.get({ id: byName.id });
      expect(byId).toEqual(byName);
    }
  });

  it('templates.list with components returns full templates on every vendor', async () => {
    const templates = await clients[vendor].templates.list({ withComponents: true, maxItems: 6 }).toArray();
    const stored = emulator.store.templates.list().slice(0, 6);
    expect(templates).toHaveLength(6);
    templates.forEach((template, index) => {
      TemplateSchema.parse(template);
      expect(template.components.map((component) => component.type)).toEqual(
        stored[index]!.components.map((component) => component.type),
      );
    });
  });
});

describe('CAMS template filters, checked against the store', () => {
  const filters = [
    { status: 'APPROVED' },
    { status: 'REJECTED' },
    { status: 'PAUSED' },
    { category: 'MARKETING' },
    { category: 'AUTHENTICATION' },
    { language: 'en_US' },
    { language: 'pt_BR', category: 'UTILITY' },
  ] as const;

  it.each(filters)('%o', async (filter) => {
    const templates = await clients.cams.templates.list({ ...filter, pageSize: 50 }).toArray();
    const stored = emulator.store.templates
      .list()
      .filter((template) =>
        Object.entries(filter).every(([key, value]) => template[key as keyof typeof filter] === value),
      );
    expect(templates.map((template) => template.id)).toEqual(
      stored.map((template) => templateId('cams', template)),
    );
    for (const template of templates) {
      expect(known(TEMPLATE_CATEGORIES, template.category)).toBe(template.category);
    }
  });
});

describe('both vendors serve one store', () => {
  // Headers are compared by type, format and text only, for two differences of the vendors'
  // formats: CAMS has one `Example` map per template, keyed `{{1}}`, `{{2}}`, so when a text
  // header and the body both use `{{1}}` the header's sample is lost; and a media header's link is
  // NXCloud's `example.header_handle` but CAMS's `Url`, which the adapters put in different fields.
  const comparable = ({ raw: _raw, id: _id, provider: _provider, ...rest }: Template) => ({
    ...rest,
    components: rest.components.map((component) =>
      component.type === 'HEADER'
        ? { type: component.type, format: component.format, text: component.text }
        : component,
    ),
  });

  it('a template read through each adapter normalizes to the same object, raw and ids aside', async () => {
    for (const stored of emulator.store.templates.list().filter((_, index) => index % 5 === 0)) {
      const [fromNxcloud, fromCams] = await Promise.all(
        VENDORS.map((vendor) =>
          clients[vendor].templates.get({ name: stored.name, language: stored.language }),
        ),
      );
      expect(comparable(fromCams!)).toEqual(comparable(fromNxcloud!));
    }
  });
});
