import {
  TEMPLATE_RULE_CODES,
  TemplateSchema,
  TemplateSummarySchema,
  toTemplateDraft,
  validateTemplateDraft,
} from '@whatsapp-bsp/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { callContext } from '../__fixtures__/harness.js';
import {
  admissionCheck,
  answering,
  anyData,
  boolean,
  decodesOrRefuses,
  enumValue,
  epochMs,
  id,
  integer,
  nullable,
  text,
} from '../__fixtures__/wire-arbitraries.js';
import { camsCapabilities } from '../cams-capabilities.js';
import { camsGetTemplateAnswerSchema, camsListTemplatesAnswerSchema } from './cams-template-wire.js';
import { camsTemplates } from './cams-templates.js';

/*
 * Any template payload the wire schemas admit maps to an entity core's schemas accept; anything
 * else is a ResponseFormatError, never a TypeError. Each answer goes through the templates
 * sub-provider's own decoding, handed over by a transport that answers with it.
 */

const expectAdmitted = admissionCheck();
const templatesAnswering = (body: Record<string, unknown>) =>
  camsTemplates(answering(body), 'cams-space-0001', noUploads);

/** These tests read templates only. */
const noUploads = {
  upload: () => Promise.reject(new Error('not used')),
};

const buttonWire = fc.record(
  {
    Type: nullable(
      enumValue(
        'QUICK_REPLY',
        'URL',
        'PHONE_NUMBER',
        'COPY_CODE',
        'ONE_TAP',
        'ZERO_TAP',
        'FLOW',
        'MPM',
      ).filter((value) => typeof value === 'string'),
    ),
    Text: nullable(text),
    Url: nullable(text),
    PhoneNumber: nullable(text),
    CouponCode: nullable(text),
    AutofillText: nullable(text),
    PackageName: nullable(text),
    SignatureHash: nullable(text),
    SupportedApps: nullable(
      fc.array(
        fc.record({ PackageName: nullable(text), SignatureHash: nullable(text) }, { requiredKeys: [] }),
        { maxLength: 6 },
      ),
    ),
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
  Text: nullable(
    fc.oneof(
      fc.constantFrom('Hi {{1}}, order {{2}}', 'Code {{ name }}', 'Hi {{first_name}}, {{1}} mixed'),
      text,
    ),
  ),
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
      Example: nullable(
        fc.dictionary(fc.constantFrom('{{1}}', '{{2}}', 'name', '1', '{{first_name}}'), fc.jsonValue()),
      ),
      Components: nullable(fc.array(componentWire, { maxLength: 5 })),
    },
    { requiredKeys: ['TemplateCode'] },
  )
  .filter((data) => (data.Name ?? data.TemplateName ?? null) !== null);

describe('template payloads the wire schemas admit map to entities core accepts', () => {
  it('ListChatappTemplate', async () => {
    await fc.assert(
      fc.asyncProperty(
        nullable(fc.array(templateSummaryWire, { maxLength: 5 })),
        nullable(fc.nat()),
        fc.integer({ min: 1, max: 1000 }),
        async (list, total, index) => {
          const body = { Code: 'OK', Total: total, ListTemplate: list };
          expectAdmitted(camsListTemplatesAnswerSchema, body);
          const { value: page } = await templatesAnswering(body).doList(
            { pageSize: 5, cursor: `${index}:5` },
            callContext(),
          );
          for (const template of page.items)
            expect(TemplateSummarySchema.safeParse(template).success).toBe(true);
          if (page.nextCursor !== undefined) expect(page.nextCursor).toBe(`${index + 1}:5`);
        },
      ),
    );
  });

  it('GetChatappTemplateDetail', async () => {
    await fc.assert(
      fc.asyncProperty(templateWire, async (data) => {
        const body = { Code: 'OK', Data: data };
        expectAdmitted(camsGetTemplateAnswerSchema, body);
        const { value } = await templatesAnswering(body).doGet({ name: 'x', language: 'en' }, callContext());
        const result = TemplateSchema.safeParse(value);
        expect(result.error).toBeUndefined();
      }),
    );
  });
});

describe('drafts of mapped templates', () => {
  it('are answered by validation with issues, never an exception', async () => {
    await fc.assert(
      fc.asyncProperty(templateWire, async (data) => {
        const { value } = await templatesAnswering({ Code: 'OK', Data: data }).doGet(
          { name: 'x', language: 'en' },
          callContext(),
        );
        const draft = toTemplateDraft(value);
        for (const provider of [undefined, { id: 'cams', capabilities: camsCapabilities }]) {
          const issues = validateTemplateDraft(draft, { provider });
          for (const issue of issues) expect(Object.hasOwn(TEMPLATE_RULE_CODES, issue.code)).toBe(true);
          // The draft is always a draft: only the rules find fault with it, never its shape.
          expect(issues.filter((issue) => issue.code === 'INVALID_DRAFT')).toEqual([]);
        }
      }),
    );
  });
});

describe('arbitrary JSON in a template answer gives a ResponseFormatError or UNKNOWN values, never a TypeError', () => {
  it('through every template operation', async () => {
    await fc.assert(
      fc.asyncProperty(anyData, fc.jsonValue(), async (data, total) => {
        await decodesOrRefuses(
          () =>
            templatesAnswering({ Code: 'OK', Data: data }).doGet(
              { name: 'x', language: 'en' },
              callContext(),
            ),
          (v) => TemplateSchema.safeParse(v).success,
        );
        await decodesOrRefuses(
          () =>
            templatesAnswering({ Code: 'OK', Total: total, ListTemplate: data }).doList(
              { pageSize: 10 },
              callContext(),
            ),
          (v) =>
            (v as { items: unknown[] }).items.every((item) => TemplateSummarySchema.safeParse(item).success),
        );
      }),
    );
  });
});
