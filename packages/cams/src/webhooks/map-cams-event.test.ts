import { ResponseFormatError, type WebhookEvent, WebhookEventSchema } from '@whatsapp-bsp/core';
import { describe, expect, it } from 'vitest';
import {
  AUDIT_ALL_STATUSES,
  AUDIT_EXAMPLE,
  AUDIT_FAIL_META_REASON,
  AUDIT_V2,
  auditReports,
  MESSAGE_STATUS_RECEIPT,
  V2_OTHER_NOTIFICATION,
} from './__fixtures__/cams-webhook-payloads.js';
import { mapCamsEvents } from './map-cams-event.js';

const RECEIVED_AT = new Date('2025-11-25T06:00:00Z');

function parse(body: string): WebhookEvent[] {
  const events = mapCamsEvents({ headers: {}, body, json: JSON.parse(body), receivedAt: RECEIVED_AT });
  for (const event of events) expect(WebhookEventSchema.parse(event)).toEqual(event);
  return events;
}

function parseFailure(body: unknown): ResponseFormatError {
  try {
    mapCamsEvents({ headers: {}, body: JSON.stringify(body), json: body, receivedAt: RECEIVED_AT });
  } catch (error) {
    expect(ResponseFormatError.isInstance(error)).toBe(true);
    return error as ResponseFormatError;
  }
  throw new Error('expected a ResponseFormatError');
}

describe('mapCamsEvents: documented payloads (the ChatAppAudit page)', () => {
  it("maps the vendor page's example to a template.status event, at the time of receipt", () => {
    expect(parse(AUDIT_EXAMPLE)).toEqual([
      {
        type: 'template.status',
        id: 'cams:9099999990****:744c4b5c79c9432497a075bdfca3****:en_US:unaudit',
        provider: 'cams',
        occurredAt: RECEIVED_AT,
        wabaId: '9099999990****',
        raw: JSON.parse(AUDIT_EXAMPLE)[0],
        templateRef: { id: '744c4b5c79c9432497a075bdfca3****:en_US', language: 'en_US' },
        status: 'PENDING',
      },
    ]);
  });

  it('maps every documented AuditStatus as the template reads do, the reason kept on fail', () => {
    const events = parse(AUDIT_ALL_STATUSES);
    expect(events.map((event) => (event.type === 'template.status' ? event.status : event.type))).toEqual([
      'APPROVED',
      'REJECTED',
      'PENDING',
      'PENDING',
      'PENDING',
      'DISABLED',
      'PAUSED',
    ]);
    expect(events[1]).toMatchObject({
      reason: 'UNKNOWN',
      reasonText: 'The template contains promotional content in a utility category',
    });
    expect(events[0]).not.toHaveProperty('reason');
    expect(events[0]).not.toHaveProperty('reasonText');
    expect(new Set(events.map((event) => event.id)).size).toBe(events.length);
  });

  it("matches a Reason that names one of Meta's reasons", () => {
    expect(parse(AUDIT_FAIL_META_REASON)[0]).toMatchObject({
      status: 'REJECTED',
      reason: 'INCORRECT_CATEGORY',
      reasonText: 'Incorrect category',
      templateRef: { id: '744c4b5c79c9432497a075bdfca30010:zh_CN', language: 'zh_CN' },
    });
  });

  it('reads the V2 format, whose Type is template', () => {
    expect(parse(AUDIT_V2)).toMatchObject([
      { type: 'template.status', status: 'APPROVED', raw: { Type: 'template' } },
    ]);
  });

  it('keeps V2 notifications of other types, and other callbacks sent to the same URL, as unknown events', () => {
    expect(parse(V2_OTHER_NOTIFICATION)).toEqual([
      {
        type: 'unknown',
        id: expect.stringMatching(/^cams:unknown:phone_number:[\w-]{22}$/),
        provider: 'cams',
        occurredAt: RECEIVED_AT,
        wabaId: '9099999990123',
        raw: JSON.parse(V2_OTHER_NOTIFICATION)[0],
        vendorEvent: 'phone_number',
      },
    ]);
    expect(parse(MESSAGE_STATUS_RECEIPT)).toMatchObject([{ type: 'unknown', vendorEvent: 'TEMPLATE' }]);
  });

  it('maps every report of a large callback, in order', () => {
    const events = parse(auditReports(1_000));
    expect(events).toHaveLength(1_000);
    expect(events[999]).toMatchObject({ templateRef: { id: '744c4b5c79c9432497a075bdfca30999:zh_CN' } });
    expect(new Set(events.map((event) => event.id)).size).toBe(1_000);
  });

  it('accepts an empty array: no events', () => {
    expect(parse('[]')).toEqual([]);
  });
});

describe('mapCamsEvents: identity', () => {
  it('gives a redelivery the same id whenever it arrives, and another status another id', () => {
    const [first] = parse(AUDIT_EXAMPLE);
    const again = mapCamsEvents({
      headers: {},
      body: AUDIT_EXAMPLE,
      json: JSON.parse(AUDIT_EXAMPLE),
      receivedAt: new Date(RECEIVED_AT.getTime() + 60_000),
    })[0];
    expect(again?.id).toBe(first?.id);
    expect(parse(AUDIT_EXAMPLE.replace('unaudit', 'pass'))[0]?.id).not.toBe(first?.id);
  });

  it('reads ids sent as numbers and null for absent fields', () => {
    const body = [
      { WabaId: 9099999990123, TemplateCode: 744, Language: 'en', AuditStatus: 'pass', Reason: null },
    ];
    expect(parse(JSON.stringify(body))[0]).toMatchObject({
      wabaId: '9099999990123',
      templateRef: { id: '744:en', language: 'en' },
      status: 'APPROVED',
    });
  });
});

describe('mapCamsEvents: bodies CAMS does not document', () => {
  it.each([
    ['an object', { WabaId: '1', TemplateCode: 'c', Language: 'en', AuditStatus: 'pass' }, ''],
    ['a string', 'pass', ''],
    ['an item that is not an object', [null], '`[0]`'],
    ['a report without its TemplateCode', [{ Language: 'en', AuditStatus: 'pass' }], '`[0].TemplateCode`'],
    [
      'a report with an empty Language',
      [{ TemplateCode: 'c', Language: '', AuditStatus: 'pass' }],
      '`[0].Language`',
    ],
    [
      'a report whose AuditStatus is not text',
      [{ TemplateCode: 'c', Language: 'en', AuditStatus: 1 }],
      '`[0].AuditStatus`',
    ],
    [
      'a second report at fault',
      [
        { TemplateCode: 'c', Language: 'en', AuditStatus: 'pass' },
        { TemplateCode: 'secret-code', AuditStatus: 'fail' },
      ],
      '`[1].Language`',
    ],
  ])('refuses %s with a ResponseFormatError (HTTP 400) naming where, quoting nothing', (_, body, where) => {
    const error = parseFailure(body);
    expect(error.httpStatusCode).toBe(400);
    expect(error.provider).toBe('cams');
    expect(error.raw).toBeUndefined();
    expect(error.message).toContain(where);
    expect(error.message).not.toContain('secret-code');
  });
});
