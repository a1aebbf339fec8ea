import { z } from 'zod';
import { answerSchema, type WireFields } from '../transport/cams-wire-values.js';

/*
 * CAMS flow payloads in the vendor's own PascalCase names, as the GetFlow, ListFlow and
 * GetFlowPreviewUrl API pages document them. Only the fields we map are listed; other keys are
 * not copied (the mapper never reads them), and the entity's `raw` is the object as received.
 * Enum-valued fields are `unknown` here: any value maps, an unknown one to 'UNKNOWN'.
 */

const categories = (w: WireFields) => w.optional(z.array(z.unknown()));

/** `Data` of GetFlow. */
const camsFlowSchema = (w: WireFields) =>
  z.object({
    FlowId: w.id(),
    FlowName: w.text(),
    Status: z.unknown().optional(),
    Categories: categories(w),
    JSONVersion: w.optional(w.text()),
    DataApiVersion: w.optional(w.text()),
    /** Current docs and SDK 5.x only. */
    EndpointUri: w.optional(w.text()),
    PreviewUrl: w.optional(w.text()),
    /** Epoch milliseconds. */
    PreviewUrlExpires: w.optional(w.epochMs()),
  });
export type CamsFlowWire = z.output<ReturnType<typeof camsFlowSchema>>;

/** One item of ListFlow's `Data`: no status, which takes a GetFlow per flow. */
const camsFlowSummarySchema = (w: WireFields) =>
  z.object({
    FlowId: w.id(),
    FlowName: w.text(),
    Categories: categories(w),
  });
export type CamsFlowSummaryWire = z.output<ReturnType<typeof camsFlowSummarySchema>>;

/** `Data` of GetFlowPreviewUrl. */
const camsFlowPreviewSchema = (w: WireFields) =>
  z.object({
    FlowId: w.optional(w.id()),
    PreviewUrl: w.text().pipe(z.string().min(1)),
    PreviewUrlExpires: w.optional(w.epochMs()),
  });
export type CamsFlowPreviewWire = z.output<ReturnType<typeof camsFlowPreviewSchema>>;

export const camsGetFlowAnswerSchema = answerSchema((w) => z.object({ Data: camsFlowSchema(w) }));
/** An account without flows may answer `Data: null`. */
export const camsListFlowAnswerSchema = answerSchema((w) =>
  z.object({ Data: w.optional(z.array(camsFlowSummarySchema(w))) }),
);
export const camsGetFlowPreviewAnswerSchema = answerSchema((w) =>
  z.object({ Data: camsFlowPreviewSchema(w) }),
);
