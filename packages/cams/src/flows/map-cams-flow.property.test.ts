import { FlowPreviewSchema, FlowSchema, FlowSummarySchema } from '@whatsapp-bsp/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { callContext } from '../__fixtures__/harness.js';
import {
  admissionCheck,
  answering,
  anyData,
  decodesOrRefuses,
  enumValue,
  epochMs,
  id,
  nullable,
  text,
} from '../__fixtures__/wire-arbitraries.js';
import {
  camsGetFlowAnswerSchema,
  camsGetFlowPreviewAnswerSchema,
  camsListFlowAnswerSchema,
} from './cams-flow-wire.js';
import { type CamsFlowFiles, camsFlows } from './cams-flows.js';

/*
 * Any flow payload the wire schemas admit maps to an entity core's schemas accept; anything else
 * is a ResponseFormatError, never a TypeError. Each answer goes through the flows sub-provider's
 * own decoding, handed over by a transport that answers with it.
 */

const expectAdmitted = admissionCheck();
/** The reads decoded here touch no Flow JSON file. */
const noFiles: CamsFlowFiles = {
  uploader: { upload: () => Promise.reject(new Error('not used by these reads')) },
  locate: () => Promise.reject(new Error('not used by these reads')),
  download: () => Promise.reject(new Error('not used by these reads')),
};
const flowsAnswering = (body: Record<string, unknown>) =>
  camsFlows(answering(body), 'cams-space-0001', noFiles);

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

describe('flow payloads the wire schemas admit map to entities core accepts', () => {
  it('GetFlow', async () => {
    await fc.assert(
      fc.asyncProperty(flowWire, async (data) => {
        const body = { Code: 'OK', Data: data };
        expectAdmitted(camsGetFlowAnswerSchema, body);
        const { value } = await flowsAnswering(body).doGet({ id: 'f-1' }, callContext());
        expect(FlowSchema.safeParse(value).success).toBe(true);
      }),
    );
  });

  it('ListFlow', async () => {
    const item = fc.record({
      FlowId: id,
      FlowName: text,
      Categories: nullable(fc.array(enumValue('OTHER'))),
    });
    await fc.assert(
      fc.asyncProperty(
        nullable(fc.array(item, { maxLength: 5 })),
        fc.integer({ min: 1, max: 50 }),
        async (data, size) => {
          const body = { Code: 'OK', Data: data };
          expectAdmitted(camsListFlowAnswerSchema, body);
          const { value: page } = await flowsAnswering(body).doList({ pageSize: size }, callContext());
          for (const flow of page.items) expect(FlowSummarySchema.safeParse(flow).success).toBe(true);
          expect(page.nextCursor === undefined || page.nextCursor === `2:${size}`).toBe(true);
        },
      ),
    );
  });

  it('GetFlowPreviewUrl', async () => {
    const data = fc.record(
      { FlowId: nullable(id), PreviewUrl: fc.string({ minLength: 1 }), PreviewUrlExpires: nullable(epochMs) },
      { requiredKeys: ['PreviewUrl'] },
    );
    await fc.assert(
      fc.asyncProperty(data, async (preview) => {
        const body = { Code: 'OK', Data: preview };
        expectAdmitted(camsGetFlowPreviewAnswerSchema, body);
        const { value } = await flowsAnswering(body).doGetPreview({ id: 'f-1' }, callContext());
        expect(FlowPreviewSchema.safeParse(value).success).toBe(true);
      }),
    );
  });
});

describe('arbitrary JSON in a flow answer gives a ResponseFormatError or UNKNOWN values, never a TypeError', () => {
  it('through every flow operation', async () => {
    await fc.assert(
      fc.asyncProperty(anyData, async (data) => {
        const flows = flowsAnswering({ Code: 'OK', Data: data });
        await decodesOrRefuses(
          () => flows.doGet({ id: 'f-1' }, callContext()),
          (v) => FlowSchema.safeParse(v).success,
        );
        await decodesOrRefuses(
          () => flows.doGetPreview({ id: 'f-1' }, callContext()),
          (v) => FlowPreviewSchema.safeParse(v).success,
        );
        await decodesOrRefuses(
          () => flows.doList({ pageSize: 10 }, callContext()),
          (v) => (v as { items: unknown[] }).items.every((item) => FlowSummarySchema.safeParse(item).success),
        );
      }),
    );
  });
});
