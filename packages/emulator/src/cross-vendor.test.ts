import Cams, {
  GetChatappTemplateDetailRequest,
  GetFlowRequest,
  ListChatappTemplateRequest,
  ListChatappTemplateRequestPage,
  ListFlowRequest,
  ListFlowRequestPage,
} from '@alicloud/cams20200606';
import { Config } from '@alicloud/openapi-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendNxcloud } from './__fixtures__/signed-requests.js';
import { type Emulator, startEmulator } from './start-emulator.js';

// A client reading both vendors sees the same flows and templates: names, languages, statuses,
// categories and components. Each side is read over the wire and reduced to the same shape here.

const CamsClient = ((Cams as { default?: unknown }).default ?? Cams) as typeof Cams.default;

let emulator: Emulator;
let cams: InstanceType<typeof CamsClient>;

beforeAll(async () => {
  emulator = await startEmulator({ seed: 99 });
  cams = new CamsClient(new Config(emulator.cams.config));
  emulator.store.templates.add({
    name: 'added_in_test',
    language: 'pt_BR',
    category: 'MARKETING',
    status: 'PENDING',
    components: [
      { type: 'HEADER', format: 'TEXT', text: 'Oi {{1}}', example: 'Ana' },
      { type: 'BODY', text: 'Seu pedido {{1}} chegou', example: ['123'] },
      {
        type: 'BUTTONS',
        buttons: [{ type: 'FLOW', text: 'Avaliar', flowId: '1', flowAction: 'data_exchange' }],
      },
    ],
  });
});
afterAll(() => emulator.close());

async function nxcloud<T>(path: string, action: string, body: Record<string, unknown>): Promise<T> {
  const config = emulator.nxcloud.config;
  const response = await sendNxcloud({
    baseUrl: config.baseUrl,
    path,
    action,
    accessKey: config.accessKey,
    accessSecret: config.accessSecret,
    ts: Date.now(),
    body: JSON.stringify({
      appkey: config.appKey,
      business_phone: config.businessPhone,
      messaging_product: 'whatsapp',
      ...body,
    }),
  });
  const answer = response.json() as { code: number; data: T };
  expect(answer.code).toBe(0);
  return answer.data;
}

type Wire = Record<string, unknown> & { type?: string; Type?: string };
const AUDIT: Record<string, string> = {
  pass: 'APPROVED',
  fail: 'REJECTED',
  auditing: 'PENDING',
  paused: 'PAUSED',
  disabled: 'DISABLED',
};

function nxcloudComponents(components: Wire[]) {
  return components.map((c) => ({
    type: c.type,
    format: c.format,
    text: c.text ?? (c.limited_time_offer as Wire | undefined)?.text,
    buttons: (c.buttons as Wire[] | undefined)?.map((b) => [b.type === 'OTP' ? b.otp_type : b.type, b.text]),
    bodyExample:
      c.type === 'BODY' ? (c.example as { body_text?: string[][] } | undefined)?.body_text?.[0] : undefined,
  }));
}

function camsComponents(components: Wire[], example: Record<string, string> | undefined) {
  return components.map((c) => ({
    type: c.Type,
    format: c.Format,
    text: c.Text,
    buttons: (c.Buttons as Wire[] | undefined)?.map((b) => [b.Type, b.Text]),
    bodyExample:
      c.Type === 'BODY' && example && Object.keys(example).length > 0
        ? Object.keys(example)
            .sort()
            .map((key) => example[key])
        : undefined,
  }));
}

describe('one store, two wire formats', () => {
  it('serves the same templates on NXCloud and CAMS', async () => {
    const fromNxcloud = [];
    let after: string | undefined;
    do {
      const page = await nxcloud<{ data: Wire[]; paging?: { cursors: { after: string }; next?: string } }>(
        '/api/wa/getTemplate',
        'getTemplate',
        { limit: 25, after },
      );
      fromNxcloud.push(
        ...page.data.map((t) => ({
          name: t.name,
          language: t.language,
          category: t.category,
          status: t.status,
          components: nxcloudComponents(t.components as Wire[]),
        })),
      );
      after = page.paging?.next ? page.paging.cursors.after : undefined;
    } while (after);

    const fromCams = [];
    for (let index = 1; ; index++) {
      const { body } = await cams.listChatappTemplate(
        new ListChatappTemplateRequest({
          custSpaceId: emulator.cams.config.custSpaceId,
          page: new ListChatappTemplateRequestPage({ index, size: 40 }),
        }),
      );
      const items = body?.listTemplate ?? [];
      if (items.length === 0) break;
      for (const item of items) {
        const detail = await cams.getChatappTemplateDetail(
          new GetChatappTemplateDetailRequest({
            custSpaceId: emulator.cams.config.custSpaceId,
            templateCode: item.templateCode,
            language: item.language,
          }),
        );
        const raw = detail.body?.data?.toMap() as Wire;
        fromCams.push({
          name: raw.Name,
          language: raw.Language,
          category: raw.Category,
          status: AUDIT[raw.AuditStatus as string] ?? raw.AuditStatus,
          components: camsComponents(
            raw.Components as Wire[],
            raw.Example as Record<string, string> | undefined,
          ),
        });
      }
    }

    expect(fromNxcloud).toHaveLength(emulator.store.templates.count);
    // CAMS keeps one template-level Example map, so a text header's sample is not comparable.
    expect(fromCams).toEqual(fromNxcloud);
  });

  it('serves the same flows on NXCloud and CAMS', async () => {
    const ids: string[] = [];
    for (let index = 1; ; index++) {
      const { body } = await cams.listFlow(
        new ListFlowRequest({ page: new ListFlowRequestPage({ index, size: 50 }) }),
      );
      if (!body?.data?.length) break;
      ids.push(...body.data.map((flow) => flow.flowId ?? ''));
    }
    expect(ids).toHaveLength(emulator.store.flows.count);
    for (const id of ids) {
      const viaNxcloud = await nxcloud<Wire & { preview: { preview_url: string; expires_at: string } }>(
        '/api/wa/queryFlowById',
        'queryFlowById',
        { flow_id: id },
      );
      const viaCams = (await cams.getFlow(new GetFlowRequest({ flowId: id }))).body?.data;
      expect({
        id: viaCams?.flowId,
        name: viaCams?.flowName,
        status: viaCams?.status,
        categories: viaCams?.categories,
        previewUrl: viaCams?.previewUrl,
        expires: Math.floor((viaCams?.previewUrlExpires ?? 0) / 1000),
      }).toEqual({
        id: viaNxcloud.id,
        name: viaNxcloud.name,
        status: viaNxcloud.status,
        categories: viaNxcloud.categories,
        previewUrl: viaNxcloud.preview.preview_url,
        expires: Date.parse(viaNxcloud.preview.expires_at.replace(/([+-]\d{2})(\d{2})$/, '$1:$2')) / 1000,
      });
    }
  });
});
