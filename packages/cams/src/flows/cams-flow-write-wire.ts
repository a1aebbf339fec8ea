import { z } from 'zod';
import { answerSchema } from '../transport/cams-wire-values.js';

/*
 * The answers of CAMS's flow writes and of GetFlowJSONAssest, in the vendor's PascalCase names as
 * the CreateFlow, ModifyFlow, PublishFlow, DeprecateFlow, DeleteFlow, UpdateFlowJSONAsset and
 * GetFlowJSONAssest API pages document them. Only what the adapter reads is listed.
 */

/**
 * `Data` of CreateFlow: the new flow's id is all the adapter needs. A success without one is not
 * what the API documents, and the flow may exist all the same: the client then looks for it by
 * name.
 */
export const camsCreateFlowAnswerSchema = answerSchema((w) =>
  z.object({ Data: z.object({ FlowId: w.id() }) }),
);

/**
 * ModifyFlow answers `Data { FlowId, FlowName, Categories }`, PublishFlow, DeprecateFlow and
 * DeleteFlow the envelope alone, UpdateFlowJSONAsset `Data { FlowId }`: the transport has checked
 * `Code` already, and nothing else of them is read.
 */
export const camsFlowWriteAnswerSchema = answerSchema(() => z.object({}));

/**
 * `Data` of GetFlowJSONAssest (spelled so in the API). `FilePath` is the file's URL on the API
 * page; whether it can also be an OSS object key is unverified (see `flowJsonFilePath`).
 */
export const camsGetFlowJsonAnswerSchema = answerSchema((w) =>
  z.object({
    Data: w.optional(
      z.object({
        FlowId: w.optional(w.id()),
        FilePath: w.optional(w.text()),
      }),
    ),
  }),
);
