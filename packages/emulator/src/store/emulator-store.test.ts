import { describe, expect, it } from 'vitest';
import type { EmulatorTemplate, TemplateButton } from '../model.js';
import { createStore } from './emulator-store.js';

const snapshot = (seed: number) => {
  const store = createStore({ seed });
  return { flows: store.flows.list(), templates: store.templates.list() };
};

describe('generated data', () => {
  it('is the same for the same seed and different for another seed', () => {
    expect(snapshot(7)).toEqual(snapshot(7));
    const other = snapshot(8);
    expect(other).not.toEqual(snapshot(7));
    expect(other.templates.slice(1).map((t) => t.id)).not.toEqual(
      snapshot(7)
        .templates.slice(1)
        .map((t) => t.id),
    );
  });

  it("starts with the vendors' documented examples", () => {
    const store = createStore();
    expect(store.flows.slice(0, 2).map((flow) => [flow.id, flow.name])).toEqual([
      ['3603023670018851', 'flows_hqq_008'],
      ['926753328126430000', 'flow_001'],
    ]);
    expect(store.templates.slice(0, 1).map((t) => [t.name, t.language, t.category, t.status])).toEqual([
      ['normal_text3', 'en_US', 'OTP', 'REJECTED'],
    ]);
  });

  it('defaults to 30 flows and 60 templates, enough for several pages', () => {
    const store = createStore();
    expect(store.flows.count).toBe(30);
    expect(store.templates.count).toBe(60);
  });

  it('covers every flow status and many template statuses, categories, languages and shapes', () => {
    const store = createStore();
    const flows = store.flows.list();
    expect(new Set(flows.map((flow) => flow.status))).toEqual(
      new Set(['DRAFT', 'PUBLISHED', 'DEPRECATED', 'BLOCKED', 'THROTTLED']),
    );
    expect(flows.some((flow) => flow.validationErrors.length > 0)).toBe(true);
    expect(flows.some((flow) => flow.endpointUri !== undefined)).toBe(true);

    const templates = store.templates.list();
    expect(new Set(templates.map((t) => t.category))).toEqual(
      new Set(['OTP', 'MARKETING', 'UTILITY', 'AUTHENTICATION']),
    );
    expect(new Set(templates.map((t) => t.status)).size).toBeGreaterThanOrEqual(8);
    expect(new Set(templates.map((t) => t.language)).size).toBeGreaterThanOrEqual(5);

    const components = templates.flatMap((t) => t.components);
    const headerFormats = new Set(components.flatMap((c) => (c.type === 'HEADER' ? [c.format] : [])));
    expect(headerFormats).toEqual(new Set(['TEXT', 'IMAGE', 'VIDEO', 'DOCUMENT']));
    const buttons = components.flatMap((c) => (c.type === 'BUTTONS' ? c.buttons : []));
    const kinds = new Set(
      buttons.map((b: TemplateButton) => (b.type === 'OTP' ? `OTP/${b.otpType}` : b.type)),
    );
    expect(kinds).toEqual(
      new Set(['QUICK_REPLY', 'URL', 'PHONE_NUMBER', 'COPY_CODE', 'OTP/COPY_CODE', 'OTP/ONE_TAP', 'FLOW']),
    );
    expect(components.some((c) => c.type === 'BODY' && (c.example?.length ?? 0) > 1)).toBe(true);
    expect(components.some((c) => c.type === 'FOOTER')).toBe(true);
    expect(components.some((c) => c.type === 'LIMITED_TIME_OFFER')).toBe(true);
  });

  it('keeps (name, language), ids and (code, language) unique, sharing a code across languages of a name', () => {
    const templates = createStore({ data: { templates: 5000 } }).templates.list();
    const unique = (keys: string[]) => new Set(keys).size === keys.length;
    expect(unique(templates.map((t) => `${t.name}/${t.language}`))).toBe(true);
    expect(unique(templates.map((t) => t.id))).toBe(true);
    expect(unique(templates.map((t) => `${t.code}/${t.language}`))).toBe(true);
    const byName = new Map<string, EmulatorTemplate[]>();
    for (const t of templates) byName.set(t.name, [...(byName.get(t.name) ?? []), t]);
    const multi = [...byName.values()].filter((group) => group.length > 1);
    expect(multi.length).toBeGreaterThan(100);
    for (const group of multi) expect(new Set(group.map((t) => t.code)).size).toBe(1);
    expect(templates.every((t) => /^\d{16}$/.test(t.id) || t.id === '15xxxx67')).toBe(true);
    expect(templates.every((t) => /^[0-9a-f]{32}$/.test(t.code))).toBe(true);
  });

  it('scales to 100,000 templates read a page at a time, built on demand', () => {
    const store = createStore({ data: { flows: 0, templates: 100_000 } });
    expect(store.templates.count).toBe(100_000);
    expect(store.flows.count).toBe(0);
    const last = store.templates.slice(99_900, 100_000);
    expect(last).toHaveLength(100);
    expect(store.templates.slice(99_900, 100_000)).toEqual(last);
    expect(store.templates.slice(100_000, 100_100)).toEqual([]);
  });

  it('rejects bad sizes and seeds', () => {
    expect(() => createStore({ data: { templates: -1 } })).toThrow('data.templates');
    expect(() => createStore({ seed: 1.5 })).toThrow('seed');
  });
});

describe('store changes', () => {
  const template = (name: string, language: string): Omit<EmulatorTemplate, 'id' | 'code'> => ({
    name,
    language,
    category: 'UTILITY',
    status: 'APPROVED',
    components: [{ type: 'BODY', text: 'Hello' }],
  });

  it('adds, replaces, removes and lists templates, generating ids and sharing codes per name', () => {
    const store = createStore({ data: { flows: 0, templates: 3 } });
    const english = store.templates.add(template('welcome', 'en_US'));
    const spanish = store.templates.add(template('welcome', 'es'));
    expect(english.id).toMatch(/^\d{16}$/);
    expect(spanish.code).toBe(english.code);
    expect(store.templates.count).toBe(5);
    expect(store.templates.get('welcome', 'es')).toEqual(spanish);
    expect(store.templates.getById(english.id)).toEqual(english);
    expect(store.templates.getByCode(english.code, 'es')).toEqual(spanish);

    const paused = store.templates.replace({ ...template('welcome', 'es'), status: 'PAUSED' });
    expect(paused).toMatchObject({ id: spanish.id, code: spanish.code, status: 'PAUSED' });
    expect(store.templates.list().at(-1)).toEqual(paused);

    expect(store.templates.remove('welcome')).toBe(2);
    expect(store.templates.get('welcome', 'en_US')).toBeUndefined();
    store.templates.clear();
    expect(store.templates.list()).toEqual([]);
  });

  it('refuses duplicates, unknown replacements and malformed records, naming the field', () => {
    const store = createStore({ data: { flows: 1, templates: 1 } });
    expect(() => store.templates.add(template('normal_text3', 'en_US'))).toThrow('already exists');
    expect(() => store.templates.replace(template('missing', 'en_US'))).toThrow('No template');
    expect(() =>
      store.templates.add({ ...template('x', 'en'), components: [{ type: 'BANNER' }] } as never),
    ).toThrow('template.components[0].type');
    expect(() => store.flows.add({ name: 'f', status: 'DRAFT', categories: 'OTHER' } as never)).toThrow(
      'flow.categories',
    );
    expect(() =>
      store.flows.add({ id: '3603023670018851', name: 'f', status: 'DRAFT', categories: [] }),
    ).toThrow('already exists');
  });

  it('adds, replaces and removes flows; records read back are frozen', () => {
    const store = createStore({ data: { flows: 2, templates: 0 } });
    const added = store.flows.add({ name: 'survey', status: 'DRAFT', categories: ['SURVEY'] });
    expect(added).toMatchObject({ id: expect.stringMatching(/^\d{16}$/), validationErrors: [] });
    expect(Object.isFrozen(store.flows.get(added.id))).toBe(true);
    expect(() => {
      (store.flows.get(added.id) as { name: string }).name = 'changed';
    }).toThrow(TypeError);
    store.flows.replace({ ...added, status: 'PUBLISHED' });
    expect(store.flows.get(added.id)?.status).toBe('PUBLISHED');
    expect(store.flows.named('survey').count).toBe(1);
    expect(store.flows.remove(added.id)).toBe(true);
    expect(store.flows.remove(added.id)).toBe(false);
    expect(store.flows.list().map((flow) => flow.name)).toEqual(['flows_hqq_008', 'flow_001']);
  });
});
