import {
  createClient,
  FlowSchema,
  FlowSummarySchema,
  TemplateSchema,
  TemplateSummarySchema,
} from '@whatsapp-bsp/core';
import { type Emulator, startEmulator } from '@whatsapp-bsp/emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listFlowsAndTemplates, type VendorReport } from './list-flows-and-templates.js';

let emulator: Emulator;
let reports: Record<'nxcloud' | 'cams', VendorReport>;

beforeAll(async () => {
  emulator = await startEmulator();
  // The same function, two configurations: nothing else changes between the vendors.
  const configs = {
    nxcloud: { provider: 'nxcloud', nxcloud: emulator.nxcloud.config },
    cams: { provider: 'cams', cams: emulator.cams.config },
  };
  reports = {
    nxcloud: await listFlowsAndTemplates(await createClient(configs.nxcloud)),
    cams: await listFlowsAndTemplates(await createClient(configs.cams)),
  };
});

afterAll(() => emulator?.close());

describe('switching vendors by configuration', () => {
  it('loads the adapter the configuration names', () => {
    expect(reports.nxcloud.provider).toBe('nxcloud');
    expect(reports.cams.provider).toBe('cams');
  });

  it('returns the same normalized shapes from both vendors', () => {
    for (const report of Object.values(reports)) {
      for (const flow of report.flows) FlowSummarySchema.parse(flow);
      FlowSchema.parse(report.firstFlow);
      for (const template of report.templates) TemplateSummarySchema.parse(template);
      TemplateSchema.parse(report.firstTemplate);
    }
  });

  it('reads the same flows and templates through either vendor', () => {
    const flows = (r: VendorReport) => r.flows.map(({ name, categories }) => ({ name, categories }));
    const templates = (r: VendorReport) =>
      r.templates.map(({ name, language, category, status }) => ({ name, language, category, status }));
    expect(flows(reports.cams)).toEqual(flows(reports.nxcloud));
    expect(templates(reports.cams)).toEqual(templates(reports.nxcloud));
    const { firstFlow: nx } = reports.nxcloud;
    const { firstFlow: cams } = reports.cams;
    expect({ ...cams, id: undefined, raw: undefined, provider: undefined }).toMatchObject({
      name: nx?.name,
      status: nx?.status,
      categories: nx?.categories,
    });
    // CAMS keeps one `Example` map per template, so a header's `{{1}}` sample and the body's
    // `{{1}}` sample cannot both survive there: examples are compared in the next test.
    const withoutExamples = (r: VendorReport) =>
      r.firstTemplate?.components.map((component) => ({ ...component, example: undefined }));
    expect(withoutExamples(reports.cams)).toEqual(withoutExamples(reports.nxcloud));
  });

  it('differs only where the vendors do: CAMS lists flows without status, and sends request ids', () => {
    expect(reports.nxcloud.flows.every((flow) => flow.status !== undefined)).toBe(true);
    expect(reports.cams.flows.every((flow) => flow.status === undefined)).toBe(true);
    expect(reports.cams.firstTemplate?.$metadata.requestId).toEqual(expect.any(String));
    expect(reports.nxcloud.firstTemplate?.$metadata.requestId).toBeUndefined();
    const body = (r: VendorReport) => r.firstTemplate?.components.find((c) => c.type === 'BODY');
    expect(body(reports.cams)).toEqual(body(reports.nxcloud));
  });
});
