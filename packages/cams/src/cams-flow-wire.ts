import { z } from 'zod';
import { optional, wireEpochMs, wireId, wireText } from './cams-wire-values.js';

/*
 * CAMS flow payloads in the vendor's own PascalCase names (reference section 4.1). Only the fields
 * we map are listed; unknown keys are kept, and the entity's `raw` is the object as received.
 * Enum-valued fields are `unknown` here: any value maps, an unknown one to 'UNKNOWN'.
 */

const categories = optional(z.array(z.unknown()));

/** `Data` of GetFlow. */
export const camsFlowSchema = z.looseObject({
  FlowId: wireId,
  FlowName: wireText,
  Status: z.unknown().optional(),
  Categories: categories,
  JSONVersion: optional(wireText),
  DataApiVersion: optional(wireText),
  /** Current docs and SDK 5.x only. */
  EndpointUri: optional(wireText),
  PreviewUrl: optional(wireText),
  /** Epoch milliseconds. */
  PreviewUrlExpires: optional(wireEpochMs),
});
export type CamsFlowWire = z.output<typeof camsFlowSchema>;

/** One item of ListFlow's `Data`: no status, which takes a GetFlow per flow. */
export const camsFlowSummarySchema = z.looseObject({
  FlowId: wireId,
  FlowName: wireText,
  Categories: categories,
});
export type CamsFlowSummaryWire = z.output<typeof camsFlowSummarySchema>;

/** `Data` of GetFlowPreviewUrl. */
export const camsFlowPreviewSchema = z.looseObject({
  FlowId: optional(wireId),
  PreviewUrl: wireText.pipe(z.string().min(1)),
  PreviewUrlExpires: optional(wireEpochMs),
});
export type CamsFlowPreviewWire = z.output<typeof camsFlowPreviewSchema>;

export const camsGetFlowAnswerSchema = z.looseObject({ Data: camsFlowSchema });
/** An account without flows may answer `Data: null`. */
export const camsListFlowAnswerSchema = z.looseObject({ Data: optional(z.array(camsFlowSummarySchema)) });
export const camsGetFlowPreviewAnswerSchema = z.looseObject({ Data: camsFlowPreviewSchema });
