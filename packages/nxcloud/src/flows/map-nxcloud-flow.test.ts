import {
  FlowPreviewSchema,
  FlowSchema,
  FlowSummarySchema,
  NotFoundError,
  ResponseFormatError,
} from '@whatsapp-bsp/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FLOW_WITH_META_SHAPES, flowListData, previewData } from '../__fixtures__/nxcloud-built-payloads.js';
import { FLOW_IN_EVERY_CATEGORY, FLOW_WITH_HEALTH_STATUS } from '../__fixtures__/nxcloud-meta-fields.js';
import { decode } from '../__fixtures__/nxcloud-test-support.js';
import { QUERY_FLOW_BY_ID_EXAMPLE } from '../__fixtures__/nxcloud-vendor-examples.js';
import { mapNxcloudFlow } from '../nxcloud-payloads.js';
import { flowPageFromWire, flowPreviewFromWire } from './map-nxcloud-flow.js';
import {
  flowInQueryFlowById,
  nxcloudFlowListWireSchema,
  nxcloudFlowPreviewWireSchema,
  nxcloudFlowWireSchema,
} from './nxcloud-flow-wire.js';

/** queryFlowsByPhone's `data`, decoded and mapped as flows.doList does. */
const flowPage = (data: unknown) => flowPageFromWire(decode(nxcloudFlowListWireSchema, data));

/** getPreviewByFlowId's `data`, decoded and mapped as flows.doGetPreview does. */
const flowPreview = (data: unknown, requestedId: string) =>
  flowPreviewFromWire(decode(nxcloudFlowPreviewWireSchema, data), data, requestedId);

const exampleData = (JSON.parse(QUERY_FLOW_BY_ID_EXAMPLE) as { data: Record<string, unknown> }).data;

describe('mapNxcloudFlow', () => {
  it("maps the vendor's queryFlowById example to the normalized Flow", () => {
    const flow = mapNxcloudFlow(flowInQueryFlowById(exampleData, '3603023670018851'));
    expect(flow).toEqual({
      provider: 'nxcloud',
      raw: exampleData,
      id: '3603023670018851',
      name: 'flows_hqq_008',
      status: 'PUBLISHED',
      categories: ['OTHER'],
      validationErrors: [],
      jsonVersion: '3.0',
      preview: {
        url: 'https://business.facebook.com/wa/manage/flows/3603023670018850/preview/?token=44639eab-3848-4b7c-86d6-10a8f23d022d',
        expiresAt: new Date('2024-01-13T10:03:53.000Z'),
      },
      application: {
        id: '1407008009801816',
        name: 'NXLink',
        link: 'https://testnxlink.nxcloud.com/admin/#/login',
        category: '实用类',
      },
    });
    expect(Object.keys(flow)).not.toContain('endpointUri');
    expect(FlowSchema.parse(flow)).toEqual(flow);
  });

  it('keeps `raw` as the very object received, so fields the model lacks stay reachable', () => {
    expect(mapNxcloudFlow(exampleData).raw).toBe(exampleData);
  });

  it("absorbs Meta's fuller shapes: object validation errors, WABA object, data_channel_uri, offsets", () => {
    const flow = mapNxcloudFlow(FLOW_WITH_META_SHAPES);
    expect(flow).toEqual({
      provider: 'nxcloud',
      raw: FLOW_WITH_META_SHAPES,
      id: '1168300431915404',
      name: 'lead_form',
      status: 'DRAFT',
      categories: ['LEAD_GENERATION', 'SHOPPING'],
      validationErrors: [
        { message: 'Missing Flow JSON' },
        {
          message: 'Invalid value found for property type.',
          error: 'INVALID_PROPERTY_VALUE',
          errorType: 'FLOW_JSON_ERROR',
          lineStart: 10,
          lineEnd: 10,
          columnStart: 21,
          columnEnd: 34,
          pointers: [
            {
              lineStart: 10,
              lineEnd: 10,
              columnStart: 21,
              columnEnd: 34,
              path: 'screens[0].layout.children[0].type',
            },
          ],
        },
      ],
      jsonVersion: '5.0',
      dataApiVersion: '3.0',
      endpointUri: 'https://example.com/flow-endpoint',
      whatsappBusinessAccountId: '196938173492252',
      preview: {
        url: 'https://business.facebook.com/wa/manage/flows/1168300431915404/preview/',
        expiresAt: new Date('2024-05-02T03:29:59.500Z'),
      },
    });
    expect(FlowSchema.safeParse(flow).success).toBe(true);
  });

  it("maps Meta's health status and updated_at, an unknown health value to UNKNOWN", () => {
    const flow = mapNxcloudFlow(FLOW_WITH_HEALTH_STATUS);
    expect(flow.updatedAt).toEqual(new Date('2024-06-01T08:30:00.000Z'));
    expect(flow.healthStatus).toEqual({
      canSendMessage: 'BLOCKED',
      entities: [
        {
          entityType: 'FLOW',
          id: '1168300431915406',
          canSendMessage: 'BLOCKED',
          errors: [
            {
              errorCode: 131000,
              errorDescription: 'The endpoint is not available.',
              possibleSolution: 'Make the endpoint available, then publish the flow again.',
            },
          ],
        },
        { entityType: 'WABA', id: '196938173492252', canSendMessage: 'AVAILABLE' },
        {
          entityType: 'APP',
          id: '1407008009801816',
          canSendMessage: 'LIMITED',
          additionalInfo: ['The app is in development mode.'],
        },
        { entityType: 'PHONE_NUMBER', id: '8615800001795', canSendMessage: 'UNKNOWN' },
      ],
    });
    expect(FlowSchema.parse(flow)).toEqual(flow);
  });

  it('maps every flow category of the model, SHOPPING included', () => {
    expect(mapNxcloudFlow(FLOW_IN_EVERY_CATEGORY).categories).toEqual(FLOW_IN_EVERY_CATEGORY.categories);
  });

  it('reads a health status without can_send_message as UNKNOWN', () => {
    const flow = mapNxcloudFlow({ ...FLOW_WITH_HEALTH_STATUS, health_status: { entities: [] } });
    expect(flow.healthStatus).toEqual({ canSendMessage: 'UNKNOWN', entities: [] });
  });

  it.each([
    ['an entity without a type', { health_status: { entities: [{ id: '1', can_send_message: 'BLOCKED' }] } }],
    ['updated_at that is not a timestamp', { updated_at: 'yesterday' }],
  ])('refuses %s as a ResponseFormatError', (_name, fields) => {
    expect(() => mapNxcloudFlow({ ...FLOW_WITH_HEALTH_STATUS, ...fields })).toThrow(ResponseFormatError);
  });

  it('prefers endpoint_uri over the deprecated data_channel_uri, and takes a WABA id string', () => {
    const flow = mapNxcloudFlow({
      ...FLOW_WITH_META_SHAPES,
      endpoint_uri: 'https://example.com/new',
      whatsapp_business_account: '1002003',
    });
    expect(flow.endpointUri).toBe('https://example.com/new');
    expect(flow.whatsappBusinessAccountId).toBe('1002003');
  });

  it('maps unknown and lower-case enum values without throwing', () => {
    const flow = mapNxcloudFlow({
      id: '1',
      name: 'n',
      status: 'ARCHIVED_SOMEHOW',
      categories: ['survey', 'NEW'],
    });
    expect(flow.status).toBe('UNKNOWN');
    expect(flow.categories).toEqual(['SURVEY', 'UNKNOWN']);
  });

  it.each([
    ['a date without an offset', '2024-01-13T10:03:53'],
    ['a date that does not exist', '2024-02-31T10:03:53+0000'],
    ['free text', 'next Tuesday'],
    ['epoch digits', '1705140233'],
    ['hour 24', '2024-01-13T24:00:00+0000'],
    ['an offset of 25 hours', '2024-01-13T10:03:53+2500'],
  ])('refuses %s in expires_at with a ResponseFormatError, never an Invalid Date', (_name, expiresAt) => {
    const value = { ...exampleData, preview: { preview_url: 'https://x', expires_at: expiresAt } };
    expect(() => mapNxcloudFlow(value)).toThrow(ResponseFormatError);
  });

  it('reads expires_at as the instant Date reads once the offset has its colon, for any date, fraction and offset', () => {
    const timestamp = fc.record({
      date: fc.date({
        min: new Date('1970-01-01T00:00:00Z'),
        max: new Date('2200-01-01T00:00:00Z'),
        noInvalidDate: true,
      }),
      fraction: fc.constantFrom('', '.5', '.123', '.1234567', '.009'),
      offset: fc.constantFrom('Z', '+0000', '+00:00', '-0330', '+0545', '-12:00', '+1400'),
    });
    fc.assert(
      fc.property(timestamp, ({ date, fraction, offset }) => {
        const text = `${date.toISOString().slice(0, 19)}${fraction}${offset}`;
        const value = { ...exampleData, preview: { preview_url: 'https://x', expires_at: text } };
        const expected = new Date(text.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
        expect(mapNxcloudFlow(value).preview?.expiresAt).toEqual(expected);
      }),
    );
  });

  it.each([
    ['no id', { name: 'n' }],
    ['a numeric id', { id: 3603023670018851, name: 'n' }],
    ['no name', { id: '1' }],
    ['categories not a list', { id: '1', name: 'n', categories: 'OTHER' }],
    ['a validation error that is a number', { id: '1', name: 'n', validation_errors: [3] }],
    ['not an object', 'PUBLISHED'],
    [
      'a line number beyond the safe integers',
      { id: '1', name: 'n', validation_errors: [{ line_start: 1e20 }] },
    ],
  ])('refuses a flow with %s', (_name, value) => {
    expect(() => mapNxcloudFlow(value)).toThrow(ResponseFormatError);
  });
});

describe('flowInQueryFlowById', () => {
  it('reads the documented data.data[] shape too, taking the requested flow', () => {
    const other = { ...exampleData, id: '111' };
    const flow = mapNxcloudFlow(
      flowInQueryFlowById({ data: [other, exampleData], paging: {} }, '3603023670018851'),
    );
    expect(flow.id).toBe('3603023670018851');
    expect(flow.raw).toBe(exampleData);
  });

  it('is NotFound when the list does not hold the requested flow', () => {
    expect(() => flowInQueryFlowById({ data: [] }, '42')).toThrow(NotFoundError);
  });

  it('takes a single flow object as it is', () => {
    expect(flowInQueryFlowById(exampleData, '42')).toBe(exampleData);
  });
});

describe('flowPageFromWire', () => {
  it('maps summaries with status, and pages with cursors.after only while `next` is set', () => {
    const page = flowPage(flowListData(['1', '2'], 'QVFIUk1', true));
    expect(page.items.map((flow) => [flow.id, flow.status])).toEqual([
      ['1', 'PUBLISHED'],
      ['2', 'PUBLISHED'],
    ]);
    expect(page.nextCursor).toBe('QVFIUk1');
    for (const item of page.items) expect(FlowSummarySchema.safeParse(item).success).toBe(true);
    const last = flowPage(flowListData(['3'], 'QVFIUk2', false));
    expect(last).not.toHaveProperty('nextCursor');
    expect(flowPage({ data: [] })).toEqual({ items: [] });
  });
});

describe('flowPreviewFromWire', () => {
  it('falls back to the requested id when data.id is missing, as in the vendor example', () => {
    const preview = flowPreview(previewData(), '1743798696088965');
    expect(preview).toEqual({
      provider: 'nxcloud',
      raw: previewData(),
      flowId: '1743798696088965',
      url: 'https://business.facebook.com/wa/manage/flows/1743798696088965/preview/?token=b9d6b1a2',
      expiresAt: new Date('2024-01-06T08:31:25.000Z'),
    });
    expect(FlowPreviewSchema.safeParse(preview).success).toBe(true);
    expect(flowPreview(previewData('55'), '55').flowId).toBe('55');
  });

  it('refuses a preview without a URL', () => {
    expect(() => flowPreview({ id: '1', preview: {} }, '1')).toThrow(ResponseFormatError);
  });
});

describe('flow mapping properties', () => {
  const text = fc.string();
  const optional = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined });
  const nullable = <T>(arbitrary: fc.Arbitrary<T>) =>
    fc.oneof(arbitrary, fc.constant(null), fc.constant(undefined));
  const integer = fc.oneof(
    fc.integer(),
    fc.integer().map(String),
    fc.double({ min: -1e9, max: 1e9, noNaN: true }),
  );
  const timestamp = fc
    .date({
      min: new Date('1970-01-01T00:00:00Z'),
      max: new Date('2200-01-01T00:00:00Z'),
      noInvalidDate: true,
    })
    .chain((date) =>
      fc.constantFrom('+0000', '+00:00', 'Z', '-0330', '+0800').map((offset) => {
        const base = date.toISOString().slice(0, 19);
        return `${base}${offset}`;
      }),
    );
  const validationError = fc.oneof(
    text,
    fc.record(
      {
        message: nullable(text),
        error: nullable(text),
        error_type: nullable(text),
        line_start: nullable(integer),
        column_end: nullable(integer),
        pointers: nullable(
          fc.array(fc.record({ line_start: nullable(integer), path: nullable(text) }, { requiredKeys: [] })),
        ),
      },
      { requiredKeys: [] },
    ),
  );
  const health = fc.oneof(fc.constantFrom('AVAILABLE', 'LIMITED', 'blocked'), text);
  const healthEntity = fc.record(
    {
      entity_type: text,
      id: fc.oneof(text, fc.nat()),
      can_send_message: nullable(health),
      errors: nullable(
        fc.array(
          fc.record(
            {
              error_code: nullable(integer),
              error_description: nullable(text),
              possible_solution: nullable(text),
            },
            { requiredKeys: [] },
          ),
        ),
      ),
      additional_info: nullable(fc.array(text)),
    },
    { requiredKeys: ['entity_type', 'id'] },
  );
  const wireFlow = fc.record(
    {
      id: fc.stringMatching(/^\d{1,20}$/),
      name: text,
      status: nullable(fc.oneof(fc.constantFrom('DRAFT', 'PUBLISHED', 'deprecated', 'THROTTLED'), text)),
      categories: nullable(fc.array(fc.oneof(fc.constantFrom('OTHER', 'SIGN_IN', 'survey'), text))),
      validation_errors: nullable(fc.array(validationError)),
      json_version: nullable(text),
      data_api_version: nullable(text),
      endpoint_uri: nullable(text),
      data_channel_uri: nullable(text),
      preview: nullable(
        fc.record({ preview_url: nullable(text), expires_at: nullable(timestamp) }, { requiredKeys: [] }),
      ),
      whatsapp_business_account: nullable(
        fc.oneof(text, fc.record({ id: nullable(text) }, { requiredKeys: [] })),
      ),
      application: nullable(
        fc.record(
          { id: nullable(text), name: nullable(text), link: nullable(text), category: nullable(text) },
          { requiredKeys: [] },
        ),
      ),
      health_status: nullable(
        fc.record(
          {
            can_send_message: nullable(health),
            entities: nullable(fc.array(healthEntity, { maxLength: 4 })),
          },
          { requiredKeys: [] },
        ),
      ),
      updated_at: nullable(timestamp),
      extra: optional(fc.jsonValue()),
    },
    { requiredKeys: ['id', 'name'] },
  );

  it('maps every wire flow the schema admits to a Flow that core accepts', () => {
    fc.assert(
      fc.property(wireFlow, (value) => {
        expect(nxcloudFlowWireSchema.safeParse(value).success).toBe(true);
        const flow = mapNxcloudFlow(value);
        const checked = FlowSchema.safeParse(flow);
        expect(checked.success, JSON.stringify(checked.error?.issues)).toBe(true);
        expect(flow.raw).toBe(value);
      }),
    );
  });

  it('turns any JSON value into a Flow or a ResponseFormatError, never another error', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        for (const map of [
          () => FlowSchema.parse(mapNxcloudFlow(value)),
          () => mapNxcloudFlow(flowInQueryFlowById(value, '1')),
          () => flowPage(value),
          () => flowPreview(value, '1'),
        ]) {
          try {
            map();
          } catch (error) {
            expect(
              ResponseFormatError.isInstance(error) || NotFoundError.isInstance(error),
              String(error),
            ).toBe(true);
          }
        }
      }),
    );
  });
});
