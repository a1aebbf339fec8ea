import { z } from 'zod';
import { optional, wireEpochMs, wireId, wireText } from './cams-wire-values.js';

/*
 * CAMS flow payloads in the vendor's own PascalCase names (reference section 4.1). Only the fields
 * we map are listed; other keys are not copied (the mapper never reads them), and the entity's
 * `raw` is the object as received.
 * Enum-valued fields are `unknown` here: any value maps, an unknown one to 'UNKNOWN'.
 */

const categories = () => optional(z.array(z.unknown()));

/** `Data` of GetFlow. */
const camsFlowSchema = () =>
  z.object({
    FlowId: wireId(),
    FlowName: wireText(),
    Status: z.unknown().optional(),
    Categories: categories(),
    JSONVersion: optional(wireText()),
    DataApiVersion: optional(wireText()),
    /** Current docs and SDK 5.x only. */
    EndpointUri: optional(wireText()),
    PreviewUrl: optional(wireText()),
    /** Epoch milliseconds. */
    PreviewUrlExpires: optional(wireEpochMs()),
  });
export type CamsFlowWire = z.output<ReturnType<typeof camsFlowSchema>>;

/** One item of ListFlow's `Data`: no status, which takes a GetFlow per flow. */
const camsFlowSummarySchema = () =>
  z.object({
    FlowId: wireId(),
    FlowName: wireText(),
    Categories: categories(),
  });
export type CamsFlowSummaryWire = z.output<ReturnType<typeof camsFlowSummarySchema>>;

/** `Data` of GetFlowPreviewUrl. */
const camsFlowPreviewSchema = () =>
  z.object({
    FlowId: optional(wireId()),
    PreviewUrl: wireText().pipe(z.string().min(1)),
    PreviewUrlExpires: optional(wireEpochMs()),
  });
export type CamsFlowPreviewWire = z.output<ReturnType<typeof camsFlowPreviewSchema>>;

// Built on the first answer, not at import: building schemas is most of the package's import cost.
export const camsGetFlowAnswerSchema = z.lazy(() => z.object({ Data: camsFlowSchema() }));
/** An account without flows may answer `Data: null`. */
export const camsListFlowAnswerSchema = z.lazy(() =>
  z.object({ Data: optional(z.array(camsFlowSummarySchema())) }),
);
export const camsGetFlowPreviewAnswerSchema = z.lazy(() => z.object({ Data: camsFlowPreviewSchema() }));
