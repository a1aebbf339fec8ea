import { ResponseFormatError, type WebhookEvent, WebhookEventSchema } from '@whatsapp-bsp/core';
import { describe, expect, it } from 'vitest';
import {
  ENDPOINT_AVAILABILITY,
  FLOW_CLIENT_ERROR_RATE,
  FLOW_CREATED,
  FLOW_STATUS_EXAMPLE,
  MESSAGE_STATUSES,
  TEMPLATE_CATEGORY,
  TEMPLATE_CATEGORY_OTHER_SHAPE,
  TEMPLATE_QUALITY,
  TEMPLATE_REJECTED,
  TEMPLATE_STATUS_EXAMPLE,
  UNKNOWN_FIELD,
} from './__fixtures__/nxcloud-webhook-payloads.js';
import { mapNxcloudEvents } from './map-nxcloud-event.js';

const RECEIVED_AT = new Date('2025-10-24T08:00:00Z');

function parse(body: string): WebhookEvent[] {
  const events = mapNxcloudEvents({ headers: {}, body, json: JSON.parse(body), receivedAt: RECEIVED_AT });
  for (const event of events) expect(WebhookEventSchema.parse(event)).toEqual(event);
  return events;
}

function parseFailure(body: unknown): ResponseFormatError {
  const text = JSON.stringify(body);
  try {
    mapNxcloudEvents({ headers: {}, body: text, json: body, receivedAt: RECEIVED_AT });
  } catch (error) {
    expect(ResponseFormatError.isInstance(error)).toBe(true);
    return error as ResponseFormatError;
  }
  throw new Error('expected a ResponseFormatError');
}

describe('mapNxcloudEvents: documented payloads (the template-webhook and flows-webhook pages)', () => {
  it('maps the template-webhook example to a template.status event, time in Unix seconds', () => {
    expect(parse(TEMPLATE_STATUS_EXAMPLE)).toEqual([
      {
        type: 'template.status',
        id: 'nxcloud:xxx:message_template_status_update:1246121xxx3981:APPROVED:1761291192',
        provider: 'nxcloud',
        occurredAt: new Date(1761291192 * 1000),
        wabaId: 'xxx',
        businessPhone: 'xxx',
        raw: JSON.parse(TEMPLATE_STATUS_EXAMPLE),
        templateRef: { id: '1246121xxx3981', name: 'ok_ok', language: 'en' },
        status: 'APPROVED',
        reason: 'NONE',
      },
    ]);
  });

  it('maps the flows-webhook example to a flow.status event with the previous status', () => {
    expect(parse(FLOW_STATUS_EXAMPLE)).toEqual([
      {
        type: 'flow.status',
        id: 'nxcloud:196938173492252:flows:1168300431915404:FLOW_STATUS_CHANGE:PUBLISHED:1761290547',
        provider: 'nxcloud',
        occurredAt: new Date('2025-10-24T07:22:27Z'),
        wabaId: '196938173492252',
        businessPhone: '8615273907424',
        raw: JSON.parse(FLOW_STATUS_EXAMPLE),
        flowId: '1168300431915404',
        status: 'PUBLISHED',
        previousStatus: 'DRAFT',
        message: 'Flow test changed status from DRAFT to PUBLISHED',
      },
    ]);
  });

  it('maps a rejection with its reason code', () => {
    const [event] = parse(TEMPLATE_REJECTED);
    expect(event).toMatchObject({
      type: 'template.status',
      templateRef: { id: '1246121003981', name: 'order_update', language: 'en_US' },
      status: 'REJECTED',
      reason: 'INCORRECT_CATEGORY',
      occurredAt: new Date(1761291300_000),
    });
  });

  it('maps message_template_quality_update to a template.quality event', () => {
    expect(parse(TEMPLATE_QUALITY)).toEqual([
      {
        type: 'template.quality',
        id: 'nxcloud:196938173492252:message_template_quality_update:1246121003981:GREEN:1761291400',
        provider: 'nxcloud',
        occurredAt: new Date(1761291400_000),
        wabaId: '196938173492252',
        businessPhone: '8615273907424',
        raw: JSON.parse(TEMPLATE_QUALITY),
        templateRef: { id: '1246121003981', name: 'order_update', language: 'en_US' },
        qualityScore: 'GREEN',
        previousQualityScore: 'UNKNOWN',
      },
    ]);
  });

  it("maps template_category_update in Meta's shape to a template.category event", () => {
    expect(parse(TEMPLATE_CATEGORY)).toEqual([
      {
        type: 'template.category',
        id: 'nxcloud:196938173492252:template_category_update:1246121003981:MARKETING:1761291500',
        provider: 'nxcloud',
        occurredAt: new Date(1761291500_000),
        wabaId: '196938173492252',
        businessPhone: '8615273907424',
        raw: JSON.parse(TEMPLATE_CATEGORY),
        templateRef: { id: '1246121003981', name: 'order_update', language: 'en_US' },
        category: 'MARKETING',
        previousCategory: 'UTILITY',
      },
    ]);
  });

  it('keeps template_category_update in any other shape as an unknown event, not an error', () => {
    const [event] = parse(TEMPLATE_CATEGORY_OTHER_SHAPE);
    expect(event).toEqual({
      type: 'unknown',
      id: expect.stringMatching(/^nxcloud:unknown:template_category_update:[\w-]{22}$/),
      provider: 'nxcloud',
      occurredAt: new Date(1761291600_000),
      wabaId: '196938173492252',
      businessPhone: '8615273907424',
      raw: JSON.parse(TEMPLATE_CATEGORY_OTHER_SHAPE),
      vendorEvent: 'template_category_update',
    });
  });

  it('maps a flow created as DRAFT, which has no old_status', () => {
    const [event] = parse(FLOW_CREATED);
    expect(event).toMatchObject({ type: 'flow.status', status: 'DRAFT', message: 'Flow test created' });
    expect(event).not.toHaveProperty('previousStatus');
  });

  it('maps ENDPOINT_AVAILABILITY to a flow.endpoint_alert event', () => {
    expect(parse(ENDPOINT_AVAILABILITY)).toEqual([
      {
        type: 'flow.endpoint_alert',
        id: 'nxcloud:196938173492252:flows:1168300431915404:ENDPOINT_AVAILABILITY:ACTIVATED:1761292000',
        provider: 'nxcloud',
        occurredAt: new Date(1761292000_000),
        wabaId: '196938173492252',
        businessPhone: '8615273907424',
        raw: JSON.parse(ENDPOINT_AVAILABILITY),
        flowId: '1168300431915404',
        alertState: 'ACTIVATED',
        threshold: 90,
        message: 'Flow test endpoint availability is below 90%',
      },
    ]);
  });

  it('keeps undocumented flow events and subscriptions as unknown events named after them', () => {
    expect(parse(FLOW_CLIENT_ERROR_RATE)[0]).toMatchObject({
      type: 'unknown',
      vendorEvent: 'flows.CLIENT_ERROR_RATE',
      occurredAt: new Date(1761292100_000),
    });
    expect(parse(UNKNOWN_FIELD)[0]).toMatchObject({
      type: 'unknown',
      vendorEvent: 'phone_number_quality_update',
      wabaId: '196938173492252',
    });
  });

  it('recognises the older { statuses } shape: one unknown event per message status', () => {
    const body = JSON.parse(MESSAGE_STATUSES);
    const events = parse(MESSAGE_STATUSES);
    expect(events).toEqual([
      {
        type: 'unknown',
        id: expect.stringMatching(/^nxcloud:unknown:statuses:[\w-]{22}$/),
        provider: 'nxcloud',
        occurredAt: new Date(1761292300_000),
        raw: body.statuses[0],
        vendorEvent: 'statuses',
      },
      expect.objectContaining({ raw: body.statuses[1], occurredAt: new Date(1761292360_000) }),
    ]);
    expect(events[0]!.id).not.toBe(events[1]!.id);
  });
});

describe('mapNxcloudEvents: identity and time', () => {
  it('gives a redelivery the same id, and a different report a different one', () => {
    expect(parse(TEMPLATE_STATUS_EXAMPLE)[0]!.id).toBe(parse(TEMPLATE_STATUS_EXAMPLE)[0]!.id);
    expect(parse(MESSAGE_STATUSES)[1]!.id).toBe(parse(MESSAGE_STATUSES)[1]!.id);
    const later = TEMPLATE_STATUS_EXAMPLE.replace('1761291192', '1761291193');
    expect(parse(later)[0]!.id).not.toBe(parse(TEMPLATE_STATUS_EXAMPLE)[0]!.id);
  });

  it('keeps ids apart when a field holds the separator', () => {
    const a = { field: 'flows', value: { event: 'FLOW_STATUS_CHANGE', flow_id: '1:2', new_status: 'DRAFT' } };
    const b = { field: 'flows', value: { event: 'FLOW_STATUS_CHANGE', flow_id: '1', new_status: '2:DRAFT' } };
    expect(parse(JSON.stringify(a))[0]!.id).not.toBe(parse(JSON.stringify(b))[0]!.id);
  });

  it('reads ids and times written as numbers or strings, and uses the time of receipt without one', () => {
    const body = {
      field: 'flows',
      value: {
        event: 'FLOW_STATUS_CHANGE',
        flow_id: 1168300431915404,
        new_status: 'BLOCKED',
        time: '1761290547',
      },
    };
    expect(parse(JSON.stringify(body))[0]).toMatchObject({
      flowId: '1168300431915404',
      status: 'BLOCKED',
      occurredAt: new Date(1761290547_000),
    });
    const timeless = { ...body, value: { ...body.value, time: undefined, wabaId: null } };
    expect(parse(JSON.stringify(timeless))[0]).toMatchObject({ occurredAt: RECEIVED_AT });
    expect(parse(JSON.stringify(timeless))[0]).not.toHaveProperty('wabaId');
  });

  it("maps values outside the model to UNKNOWN and Meta's webhook-only statuses too, raw kept", () => {
    const flagged = TEMPLATE_STATUS_EXAMPLE.replace('"APPROVED"', '"FLAGGED"').replace(
      '"NONE"',
      '"SOMETHING_NEW"',
    );
    expect(parse(flagged)[0]).toMatchObject({ status: 'UNKNOWN', reason: 'UNKNOWN' });
  });
});

describe('mapNxcloudEvents: bodies NXCloud does not document', () => {
  it.each([
    ['an array', []],
    ['a string', 'APPROVED'],
    ['an object of neither shape', { object: 'whatsapp_business_account' }],
    ['a field that is not text', { field: 7, value: {} }],
    ['a value that is not an object', { field: 'flows', value: 'x' }],
    ['statuses that are not objects', { statuses: ['delivered'] }],
    [
      'a status update without the template id',
      {
        field: 'message_template_status_update',
        value: { event: 'APPROVED', message_template_language: 'en' },
      },
    ],
    ['a flow event without its event', { field: 'flows', value: { flow_id: '1' } }],
    [
      'a flow status change without the new status',
      { field: 'flows', value: { event: 'FLOW_STATUS_CHANGE', flow_id: '1' } },
    ],
    [
      'a time that is not a time',
      {
        field: 'flows',
        value: { event: 'FLOW_STATUS_CHANGE', flow_id: '1', new_status: 'DRAFT', time: 'yesterday' },
      },
    ],
    [
      'a time past what a Date holds',
      {
        field: 'flows',
        value: { event: 'FLOW_STATUS_CHANGE', flow_id: '1', new_status: 'DRAFT', time: 1e300 },
      },
    ],
    [
      'an id too large to be exact',
      { field: 'flows', value: { event: 'FLOW_STATUS_CHANGE', flow_id: 2 ** 60, new_status: 'DRAFT' } },
    ],
  ])('refuses %s with a ResponseFormatError (HTTP 400) that quotes nothing of the body', (_, body) => {
    const error = parseFailure(body);
    expect(error.httpStatusCode).toBe(400);
    expect(error.provider).toBe('nxcloud');
    expect(error.raw).toBeUndefined();
    expect(error.message).not.toMatch(/yesterday|whatsapp_business_account|delivered/);
  });

  it('names the field at fault', () => {
    const error = parseFailure({
      field: 'message_template_status_update',
      value: { message_template_id: '1', event: 'APPROVED' },
    });
    expect(error.message).toContain('`value.message_template_language`');
  });
});
