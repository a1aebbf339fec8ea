import type { FlowsProvider, FlowWriteAck, ProviderCallContext, ProviderResult } from '@whatsapp-bsp/core';
import { parseWire } from '@whatsapp-bsp/core/adapter';
import type { NxcloudOperation, ResolvedNxcloudOptions } from '../nxcloud-options.js';
import type { NxcloudAnswer } from '../transport/nxcloud-answer.js';
import type { NxcloudTransport } from '../transport/nxcloud-transport.js';
import { requireFlowId } from './nxcloud-flow-id.js';
import { classifyFlowRefusal, type FlowWrite } from './nxcloud-flow-refusals.js';
import { nxcloudCreatedFlowWireSchema, nxcloudFlowAckWireSchema } from './nxcloud-flow-write-wire.js';
import { toCreateFlowBody, toFlowIdBody, toUpdateFlowBody } from './to-nxcloud-flow.js';

/**
 * NXCloud's flow writes other than the Flow JSON's (see `nxcloud-flow-json.ts`). Each sends one
 * signed request; a refusal that Meta's error codes page makes certain (a name taken, a flow
 * already deprecated) is a ConflictError, any other stays the transport's error, which the client
 * confirms with a read of the flow (see `classifyFlowRefusal`).
 */
export function nxcloudFlowWrites(
  config: ResolvedNxcloudOptions,
  transport: NxcloudTransport,
): Required<Pick<FlowsProvider, 'doCreate' | 'doUpdate' | 'doPublish' | 'doDeprecate' | 'doDelete'>> {
  const { operations } = config;

  /** Posts one write, its refusals classified for that write. */
  async function write(
    kind: FlowWrite,
    operation: NxcloudOperation,
    body: Readonly<Record<string, unknown>>,
    context: ProviderCallContext,
  ): Promise<NxcloudAnswer> {
    try {
      return await transport.post(operation, body, context);
    } catch (error) {
      throw classifyFlowRefusal(error, kind);
    }
  }

  /** A write that answers `{ success: true }`, acknowledged with the flow's id. */
  async function acknowledged(
    kind: FlowWrite,
    operation: NxcloudOperation,
    id: string,
    body: Readonly<Record<string, unknown>>,
    context: ProviderCallContext,
  ): Promise<ProviderResult<FlowWriteAck>> {
    const answer = await write(kind, operation, body, context);
    const wire = parseWire(nxcloudFlowAckWireSchema, answer.data, answer.mismatch);
    if (!wire.success) {
      throw answer.badResponse(
        `NXCloud answered ${operation.action} for flow ${id} with success: false and no failure code: whether it was applied is unknown`,
      );
    }
    return { value: { id }, httpStatusCode: answer.httpStatusCode };
  }

  return {
    /** createFlow (undocumented; wiki page flows-创建流): answers Meta's `{ id }`. */
    async doCreate(request, context) {
      const answer = await write('create', operations.createFlow, toCreateFlowBody(request, config), context);
      const wire = parseWire(nxcloudCreatedFlowWireSchema, answer.data, answer.mismatch);
      return { value: { id: wire.id }, httpStatusCode: answer.httpStatusCode };
    },

    /** updateFlow (wiki page WhatsApp-API-updateFlow): only the metadata given is sent. */
    async doUpdate(request, context) {
      const body = toUpdateFlowBody(request, config);
      return acknowledged('update', operations.updateFlow, request.id, body, context);
    },

    /** publishFlow (undocumented; wiki page flows-发布流). */
    async doPublish(request, context) {
      const id = requireFlowId(request.id);
      return acknowledged('publish', operations.publishFlow, id, toFlowIdBody(id, config), context);
    },

    /** deprecateFlow (undocumented; wiki page flows-废弃已发布的流). */
    async doDeprecate(request, context) {
      const id = requireFlowId(request.id);
      return acknowledged('deprecate', operations.deprecateFlow, id, toFlowIdBody(id, config), context);
    },

    /** deleteFlow (undocumented; wiki page flows-删除流草稿): Meta deletes only drafts. */
    async doDelete(request, context) {
      const id = requireFlowId(request.id);
      return acknowledged('delete', operations.deleteFlow, id, toFlowIdBody(id, config), context);
    },
  };
}
