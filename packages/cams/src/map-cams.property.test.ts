import {
  BspError,
  FlowPreviewSchema,
  FlowSchema,
  FlowSummarySchema,
  ResponseFormatError,
  TemplateSchema,
  TemplateSummarySchema,
} from '@whatsapp-bsp/core';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import {
  decodeFlow,
  decodeFlowPage,
  decodeFlowPreview,
  decodeTemplate,
  decodeTemplatePage,
} from './cams-decode.js';
import {
  camsGetFlowAnswerSchema,
  camsGetFlowPreviewAnswerSchema,
  camsListFlowAnswerSchema,
} from './flows/cams-flow-wire.js';
import {
  camsGetTemplateAnswerSchema,
  camsListTemplatesAnswerSchema,
} from './templates/cams-template-wire.js';
import { type CamsAnswer, readCamsAnswer } from './transport/cams-transport.js';
import type { AnswerSchema } from './transport/cams-wire-values.js';

/*
 * Any payload the wire schemas admit maps to an entity core's schemas accept; anything else is a
 * ResponseFormatError (or a vendor error for a failure Code), never a TypeError.
 */

// What the lenient wire schemas admit for each kind of field, nulls included.
const nullable = <T>(value: fc.Arbitrary<T>) => fc.option(value, { nil: null });
const text = fc.oneof(fc.string(), fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }));
const id = fc.oneof(fc.string({ minLength: 1 }), fc.maxSafeInteger());
const integer = fc.oneof(fc.integer(), fc.integer({ min: -1e14, max: 1e14 }).map(String));
const epochMs = fc.oneof(
  fc.integer({ min: -8.64e15, max: 8.64e15 }),
  fc.integer({ min: 0, max: 2e12 }).map(String),
);
const boolean = fc.oneof(fc.boolean(), fc.constantFrom('true', 'false'));
const enumValue = (...known: string[]) => fc.oneof(fc.constantFrom(...known), fc.string(), fc.jsonValue());

const flowWire = fc.record(
  {
    FlowId: id,
    FlowName: text,
    Status: enumValue('DRAFT', 'PUBLISHED', 'DEPRECATED', 'THROTTLED'),
    Categories: nullable(fc.array(enumValue('SIGN_UP', 'OTHER', 'SURVEY'))),
    JSONVersion: nullable(text),
    DataApiVersion: nullable(text),
    EndpointUri: nullable(text),
    PreviewUrl: nullable(text),
    PreviewUrlExpires: nullable(epochMs),
    Unmodelled: fc.jsonValue(),
  },
  { requiredKeys: ['FlowId', 'FlowName'] },
);

const buttonWire = fc.record(
  {
    Type: nullable(
      enumValue('QUICK_REPLY', 'URL', 'PHONE_NUMBER', 'COPY_CODE', 'ONE_TAP', 'FLOW', 'MPM').filter(
        (value) => typeof value === 'string',
      ),
    ),
    Text: nullable(text),
    Url: nullable(text),
    PhoneNumber: nullable(text),
    CouponCode: nullable(text),
    AutofillText: nullable(text),
    PackageName: nullable(text),
    SignatureHash: nullable(text),
    FlowId: nullable(id),
    FlowAction: nullable(fc.oneof(fc.constantFrom('NAVIGATE', 'DATA_EXCHANGE'), fc.string())),
    NavigateScreen: nullable(text),
  },
  { requiredKeys: [] },
);

const componentFields = {
  Type: nullable(
    fc.oneof(
      fc.constantFrom('HEADER', 'BODY', 'FOOTER', 'BUTTONS', 'CAROUSEL', 'LIMITED_TIME_OFFER'),
      fc.string(),
    ),
  ),
  Format: nullable(fc.oneof(fc.constantFrom('TEXT', 'IMAGE', 'VIDEO', 'DOCUMENT'), fc.string())),
  Text: nullable(fc.oneof(fc.constantFrom('Hi {{1}}, order {{2}}', 'Code {{ name }}'), text)),
  Url: nullable(text),
  Latitude: nullable(text),
  Longitude: nullable(text),
  CodeExpirationMinutes: nullable(integer),
  AddSecretRecommendation: nullable(boolean),
  hasExpiration: nullable(boolean),
  HasExpiration: nullable(boolean),
  Buttons: nullable(fc.array(buttonWire, { maxLength: 3 })),
};
const cardComponentWire = fc.record(componentFields, { requiredKeys: [] });
const componentWire = fc.record(
  {
    ...componentFields,
    Cards: nullable(
      fc.array(fc.record({ CardComponents: nullable(fc.array(cardComponentWire, { maxLength: 3 })) }), {
        maxLength: 2,
      }),
    ),
  },
  { requiredKeys: [] },
);

const templateSummaryWire = fc.record(
  {
    TemplateCode: id,
    TemplateName: text,
    Language: id,
    AuditStatus: enumValue('pass', 'fail', 'auditing', 'unaudit', 'disabled', 'paused', 'APPROVED'),
    Category: enumValue('UTILITY', 'MARKETING', 'AUTHENTICATION', 'TRANSACTIONAL', 'OTP', 'text_image'),
    Reason: nullable(fc.oneof(fc.constantFrom('None', 'scam', 'Tag content mismatch'), text)),
    LastUpdateTime: nullable(epochMs),
  },
  { requiredKeys: ['TemplateCode', 'TemplateName', 'Language'] },
);

const templateWire = fc
  .record(
    {
      TemplateCode: id,
      Name: nullable(text),
      TemplateName: nullable(text),
      Language: nullable(id),
      AuditStatus: enumValue('pass', 'fail', 'auditing'),
      Category: enumValue('UTILITY', 'MARKETING', 'AUTHENTICATION'),
      Reason: nullable(text),
      QualityScore: enumValue('GREEN', 'YELLOW', 'RED', 'UNKNOWN'),
      MessageSendTtlSeconds: nullable(integer),
      LastUpdateTime: nullable(epochMs),
      Example: nullable(fc.dictionary(fc.constantFrom('{{1}}', '{{2}}', 'name', '1'), fc.jsonValue())),
      Components: nullable(fc.array(componentWire, { maxLength: 5 })),
    },
    { requiredKeys: ['TemplateCode'] },
  )
  .filter((data) => (data.Name ?? data.TemplateName ?? null) !== null);

/**
 * The lenient schema admits the body; when the schema of documented types admits it too, both
 * give the same output, so parsing with either first changes nothing.
 */
function expectAdmitted(schema: AnswerSchema<unknown>, body: unknown) {
  const lenient = schema.lenient.safeParse(body);
  expect(lenient.success).toBe(true);
  const documented = schema.documented.safeParse(body);
  if (!documented.success) return;
  admittedAsDocumented += 1;
  expect(documented.data).toEqual(lenient.data);
}

let admittedAsDocumented = 0;
// The comparison above must have run, or the generators never produce a documented answer.
afterAll(() => expect(admittedAsDocumented).toBeGreaterThan(0));

function answerOf(body: Record<string, unknown>): CamsAnswer {
  return { body, httpStatusCode: 200, requestId: 'REQ' };
}

describe('payloads the wire schemas admit map to entities core accepts', () => {
  it('GetFlow', () => {
    fc.assert(
      fc.property(flowWire, (data) => {
        const body = { Code: 'OK', Data: data };
        expectAdmitted(camsGetFlowAnswerSchema, body);
        expect(FlowSchema.safeParse(decodeFlow(answerOf(body))).success).toBe(true);
      }),
    );
  });

  it('ListFlow', () => {
    const item = fc.record({
      FlowId: id,
      FlowName: text,
      Categories: nullable(fc.array(enumValue('OTHER'))),
    });
    fc.assert(
      fc.property(
        nullable(fc.array(item, { maxLength: 5 })),
        fc.integer({ min: 1, max: 50 }),
        (data, size) => {
          const body = { Code: 'OK', Data: data };
          expectAdmitted(camsListFlowAnswerSchema, body);
          const page = decodeFlowPage(answerOf(body), { index: 1, size });
          for (const flow of page.items) expect(FlowSummarySchema.safeParse(flow).success).toBe(true);
          expect(page.nextCursor === undefined || page.nextCursor === `2:${size}`).toBe(true);
        },
      ),
    );
  });

  it('GetFlowPreviewUrl', () => {
    const data = fc.record(
      { FlowId: nullable(id), PreviewUrl: fc.string({ minLength: 1 }), PreviewUrlExpires: nullable(epochMs) },
      { requiredKeys: ['PreviewUrl'] },
    );
    fc.assert(
      fc.property(data, (preview) => {
        const body = { Code: 'OK', Data: preview };
        expectAdmitted(camsGetFlowPreviewAnswerSchema, body);
        expect(FlowPreviewSchema.safeParse(decodeFlowPreview(answerOf(body), 'f-1')).success).toBe(true);
      }),
    );
  });

  it('ListChatappTemplate', () => {
    fc.assert(
      fc.property(
        nullable(fc.array(templateSummaryWire, { maxLength: 5 })),
        nullable(fc.nat()),
        fc.integer({ min: 1, max: 1000 }),
        (list, total, index) => {
          const body = { Code: 'OK', Total: total, ListTemplate: list };
          expectAdmitted(camsListTemplatesAnswerSchema, body);
          const page = decodeTemplatePage(answerOf(body), { index, size: 5 });
          for (const template of page.items)
            expect(TemplateSummarySchema.safeParse(template).success).toBe(true);
          if (page.nextCursor !== undefined) expect(page.nextCursor).toBe(`${index + 1}:5`);
        },
      ),
    );
  });

  it('GetChatappTemplateDetail', () => {
    fc.assert(
      fc.property(templateWire, (data) => {
        const body = { Code: 'OK', Data: data };
        expectAdmitted(camsGetTemplateAnswerSchema, body);
        const result = TemplateSchema.safeParse(decodeTemplate(answerOf(body), 'en'));
        expect(result.error).toBeUndefined();
      }),
    );
  });
});

/** Runs `decode`; a thrown error must be a ResponseFormatError, a result must pass `check`. */
function decodesOrRefuses(decode: () => unknown, check: (value: unknown) => boolean) {
  let value: unknown;
  try {
    value = decode();
  } catch (error) {
    expect(ResponseFormatError.isInstance(error), String(error)).toBe(true);
    return;
  }
  expect(check(value)).toBe(true);
}

describe('arbitrary JSON gives a ResponseFormatError or UNKNOWN values, never a TypeError', () => {
  const anyData = fc.oneof(
    fc.jsonValue(),
    // Close to the documented shape, with any JSON in every field.
    fc.record({
      FlowId: fc.jsonValue(),
      FlowName: fc.jsonValue(),
      TemplateCode: fc.jsonValue(),
      Name: fc.jsonValue(),
      Language: fc.jsonValue(),
      Status: fc.jsonValue(),
      AuditStatus: fc.jsonValue(),
      Categories: fc.jsonValue(),
      Components: fc.oneof(
        fc.jsonValue(),
        fc.array(fc.dictionary(fc.constantFrom('Type', 'Buttons', 'Cards', 'Text'), fc.jsonValue())),
      ),
      PreviewUrl: fc.jsonValue(),
      PreviewUrlExpires: fc.jsonValue(),
    }),
  );

  it('through every decoder', () => {
    fc.assert(
      fc.property(anyData, fc.jsonValue(), (data, total) => {
        const flows = answerOf({ Code: 'OK', Data: data });
        const templates = answerOf({ Code: 'OK', Total: total, ListTemplate: data });
        decodesOrRefuses(
          () => decodeFlow(flows),
          (v) => FlowSchema.safeParse(v).success,
        );
        decodesOrRefuses(
          () => decodeFlowPreview(flows, 'f-1'),
          (v) => FlowPreviewSchema.safeParse(v).success,
        );
        decodesOrRefuses(
          () => decodeTemplate(flows, 'en'),
          (v) => TemplateSchema.safeParse(v).success,
        );
        decodesOrRefuses(
          () => decodeFlowPage(flows, { index: 1, size: 10 }),
          (v) => (v as { items: unknown[] }).items.every((item) => FlowSummarySchema.safeParse(item).success),
        );
        decodesOrRefuses(
          () => decodeTemplatePage(templates, { index: 1, size: 10 }),
          (v) =>
            (v as { items: unknown[] }).items.every((item) => TemplateSummarySchema.safeParse(item).success),
        );
      }),
    );
  });

  it('as a whole response body', () => {
    const body = fc.oneof(
      fc.string(),
      fc.json(),
      fc.jsonValue().map((value) => JSON.stringify({ Code: value })),
    );
    fc.assert(
      fc.property(body, fc.constantFrom(200, 201, 204), (text, statusCode) => {
        try {
          const answer = readCamsAnswer({ body: text, statusCode, headers: {} }, () => []);
          expect(
            answer.body.Code === undefined || answer.body.Code === null || answer.body.Code === 'OK',
          ).toBe(true);
        } catch (error) {
          expect(BspError.isInstance(error), String(error)).toBe(true);
        }
      }),
    );
  });
});
