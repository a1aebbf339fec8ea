import { once } from '@whatsapp-bsp/core/adapter';
import { z } from 'zod';
import { optionalTextSchema } from '../wire/nxcloud-wire-values.js';
import { flowIdSchema, nxcloudValidationErrorWireSchema } from './nxcloud-flow-wire.js';

/*
 * The `data` of NXCloud's flow writes, in the vendor's snake_case names. updateFlow and
 * updateFlowJson are documented (wiki pages WhatsApp-API-updateFlow, WhatsApp-API-updateFlowJson);
 * createFlow, getFlowJson, publishFlow, deprecateFlow and deleteFlow are not, so their answers are
 * read as Meta's Flows API gives them, which NXCloud relays: `{ id }` for a new flow,
 * `{ success }` for the others, and Meta's assets list for the Flow JSON. Schemas are built on
 * first use, not at import.
 */

/** createFlow: the new flow's id (Meta's `{ id }`). */
export const nxcloudCreatedFlowWireSchema = z.lazy(() =>
  z.object({
    // A digit string; an integer is admitted when it is exact (Meta's ids exceed 2^53 in time).
    id: z.union([flowIdSchema(), z.int().nonnegative().refine(Number.isSafeInteger).transform(String)]),
  }),
);

/** updateFlow (documented), publishFlow, deprecateFlow, deleteFlow: `{ success: true }`. */
export const nxcloudFlowAckWireSchema = z.lazy(() => z.object({ success: z.boolean() }));

/** updateFlowJson: `{ success, validation_errors }`; Meta's objects, or strings (see the wire). */
export const nxcloudFlowJsonUpdateWireSchema = z.lazy(() =>
  z.object({
    success: z.boolean(),
    validation_errors: z.array(nxcloudValidationErrorWireSchema()).nullish(),
  }),
);
export type NxcloudFlowJsonUpdateWire = z.output<typeof nxcloudFlowJsonUpdateWireSchema>;

const flowAssetWireSchema = once(() =>
  z.object({
    name: optionalTextSchema(),
    /** `FLOW_JSON` is the only type Meta documents; others are skipped, not refused. */
    asset_type: optionalTextSchema(),
    download_url: optionalTextSchema(),
  }),
);
export type NxcloudFlowAssetWire = z.output<ReturnType<typeof flowAssetWireSchema>>;

/** getFlowJson: Meta's assets list, `{ data: [{ name, asset_type, download_url }], paging? }`. */
export const nxcloudFlowAssetsWireSchema = z.lazy(() =>
  z.object({
    data: z.array(flowAssetWireSchema()),
  }),
);
