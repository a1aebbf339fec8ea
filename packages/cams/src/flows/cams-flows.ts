import {
  BspError,
  ConfigError,
  type FlowsProvider,
  NotFoundError,
  type ProviderCallContext,
  ProviderUnavailableError,
  UnsupportedOperationError,
} from '@whatsapp-bsp/core';
import { parseWire } from '@whatsapp-bsp/core/adapter';
import type { AssetUploader } from '../assets/asset-uploader.js';
import { camsCapabilities } from '../cams-capabilities.js';
import { camsResult } from '../transport/cams-answer.js';
import { pageParameter, requestedPage } from '../transport/cams-page.js';
import type { CamsSend } from '../transport/cams-transport.js';
import { flowJsonAsset } from './cams-flow-json-asset.js';
import type { FlowJsonDownload } from './cams-flow-json-download.js';
import type { FlowJsonLocator } from './cams-flow-json-location.js';
import {
  camsGetFlowAnswerSchema,
  camsGetFlowPreviewAnswerSchema,
  camsListFlowAnswerSchema,
} from './cams-flow-wire.js';
import {
  camsCreateFlowAnswerSchema,
  camsFlowWriteAnswerSchema,
  camsGetFlowJsonAnswerSchema,
} from './cams-flow-write-wire.js';
import { mapCamsFlow, mapCamsFlowPage, mapCamsFlowPreview } from './map-cams-flow.js';
import { createFlowParameters, modifyFlowParameters } from './to-cams-flow.js';

const PROVIDER = 'cams';

/** How the flows of a space reach their Flow JSON files, which CAMS takes and gives by URL. */
export interface CamsFlowFiles {
  /** Hosts a Flow JSON for UpdateFlowJSONAsset: the OSS uploader, or the user's `assetUploader`. */
  readonly uploader: AssetUploader;
  /** GetFlowJSONAssest's `FilePath` to the URL to download. */
  readonly locate: FlowJsonLocator;
  readonly download: FlowJsonDownload;
}

/**
 * The flows of one CAMS space. Reads: GetFlow, ListFlow, GetFlowPreviewUrl, and GetFlowJSONAssest
 * followed by the download of the file it names. Writes: CreateFlow, ModifyFlow, PublishFlow,
 * DeprecateFlow, DeleteFlow, and UpdateFlowJSONAsset after hosting the file. Every answer takes the
 * same way: the transport's checked body, its wire schema, the mapper, which keeps the vendor's
 * object as received in `raw`.
 *
 * CAMS documents no error for a flow in the wrong state (publishing a published flow, deleting a
 * published one) and none for a name already taken: such a refusal is a plain failure here, which
 * the client confirms with a read.
 */
export function camsFlows(send: CamsSend, custSpaceId: string, files: CamsFlowFiles): FlowsProvider {
  /** One of the writes that name a flow and answer nothing but success. */
  const flowAction = async (
    action: 'PublishFlow' | 'DeprecateFlow' | 'DeleteFlow',
    id: string,
    context: ProviderCallContext,
  ) => {
    const answer = await send(action, { CustSpaceId: custSpaceId, FlowId: id }, context);
    parseWire(camsFlowWriteAnswerSchema, answer.body, answer.mismatch);
    return camsResult(answer, { id });
  };

  const getFlow = async (id: string, context: ProviderCallContext) => {
    const answer = await send('GetFlow', { CustSpaceId: custSpaceId, FlowId: id }, context);
    return { answer, wire: parseWire(camsGetFlowAnswerSchema, answer.body, answer.mismatch) };
  };

  return {
    async doGet({ id }, context) {
      const { answer, wire } = await getFlow(id, context);
      return camsResult(answer, mapCamsFlow(wire.Data, answer.body.Data));
    },

    async doList(request, context) {
      const page = requestedPage(request, camsCapabilities.flows.list.maxPageSize);
      const answer = await send('ListFlow', { CustSpaceId: custSpaceId, Page: pageParameter(page) }, context);
      const wire = parseWire(camsListFlowAnswerSchema, answer.body, answer.mismatch);
      return camsResult(answer, mapCamsFlowPage(wire.Data, answer.body.Data, page));
    },

    async doGetPreview({ id }, context) {
      const answer = await send('GetFlowPreviewUrl', { CustSpaceId: custSpaceId, FlowId: id }, context);
      const wire = parseWire(camsGetFlowPreviewAnswerSchema, answer.body, answer.mismatch);
      return camsResult(answer, mapCamsFlowPreview(wire.Data, answer.body.Data, id));
    },

    /**
     * GetFlowJSONAssest, then the file it names, downloaded (see `createFlowJsonDownload`). A flow
     * whose answer names no file has no Flow JSON yet: a NotFoundError.
     */
    async doGetJson({ id }, context) {
      const answer = await send('GetFlowJSONAssest', { CustSpaceId: custSpaceId, FlowId: id }, context);
      const wire = parseWire(camsGetFlowJsonAnswerSchema, answer.body, answer.mismatch);
      const filePath = wire.Data?.FilePath?.trim() ?? '';
      if (filePath === '') {
        throw new NotFoundError(
          `CAMS names no Flow JSON file for flow ${id} (GetFlowJSONAssest gave no FilePath)`,
          {
            provider: PROVIDER,
            httpStatusCode: answer.httpStatusCode,
            ...(answer.requestId !== undefined && { requestId: answer.requestId }),
          },
        );
      }
      const url = await files.locate(filePath, context, answer.requestId);
      return camsResult(answer, await files.download(url, context, answer.requestId));
    },

    /**
     * CreateFlow, with `EndpointUri` when given. CAMS has no clone parameter: `cloneFlowId` is
     * refused before anything is sent (read the source flow's JSON with `getJson` and create
     * with it as `flowJson` instead).
     */
    async doCreate(request, context) {
      if (request.cloneFlowId !== undefined) {
        throw new UnsupportedOperationError(
          "CAMS CreateFlow cannot clone a flow: pass the source flow's JSON (flows.getJson) as flowJson instead of cloneFlowId",
          { provider: PROVIDER, field: 'cloneFlowId' },
        );
      }
      const answer = await send('CreateFlow', createFlowParameters(request, custSpaceId), context);
      const wire = parseWire(camsCreateFlowAnswerSchema, answer.body, answer.mismatch);
      // The ModifyFlow page's example FlowId ends in a newline, as GetFlow's RequestId does.
      return camsResult(answer, { id: wire.Data.FlowId.trim() });
    },

    /**
     * ModifyFlow. CAMS requires `FlowName` and `Categories` on every call, so a change that leaves
     * one of them out reads the flow first (GetFlow) and sends its current value: two requests,
     * with the usual window between them in which another writer could change the flow.
     */
    async doUpdate(request, context) {
      let name = request.name;
      let categories: readonly string[] | undefined = request.categories;
      if (name === undefined || categories === undefined) {
        const current = (await getFlow(request.id, context)).wire.Data;
        name ??= current.FlowName;
        categories ??= (current.Categories ?? []).filter((category) => typeof category === 'string');
      }
      const parameters = modifyFlowParameters(
        { id: request.id, name, categories, endpointUri: request.endpointUri },
        custSpaceId,
      );
      const answer = await send('ModifyFlow', parameters, context);
      parseWire(camsFlowWriteAnswerSchema, answer.body, answer.mismatch);
      return camsResult(answer, { id: request.id });
    },

    /**
     * Hosts the Flow JSON with the uploader (as `flow-<FlowId>-<sha256 prefix>.json`), then points
     * UpdateFlowJSONAsset's `FilePath` at it. CAMS reports no validation errors: the list is always
     * empty (validate offline with `validateFlowJson`, as the client does before this).
     */
    async doUpdateJson({ id, text }, context) {
      const url = await hostFlowJson(files.uploader, id, text, context);
      const answer = await send(
        'UpdateFlowJSONAsset',
        { CustSpaceId: custSpaceId, FilePath: url, FlowId: id },
        context,
      );
      parseWire(camsFlowWriteAnswerSchema, answer.body, answer.mismatch);
      return camsResult(answer, { validationErrors: [] });
    },

    doPublish: ({ id }, context) => flowAction('PublishFlow', id, context),
    doDeprecate: ({ id }, context) => flowAction('DeprecateFlow', id, context),
    doDelete: ({ id }, context) => flowAction('DeleteFlow', id, context),
  };
}

/**
 * The URL of the hosted Flow JSON. Nothing is sent to CAMS when hosting fails: the uploader's own
 * errors go out as they are, any other failure of it as a retryable ProviderUnavailableError.
 */
async function hostFlowJson(
  uploader: AssetUploader,
  id: string,
  text: string,
  context: ProviderCallContext,
): Promise<string> {
  let hosted: { readonly url: string };
  try {
    hosted = await uploader.upload(flowJsonAsset(id, text), context);
  } catch (error) {
    if (BspError.isInstance(error) || context.signal.aborted) throw error;
    throw new ProviderUnavailableError(
      'The assetUploader failed to host the Flow JSON; nothing was sent to CAMS',
      {
        provider: PROVIDER,
        outcome: 'not-sent',
        cause: error,
      },
    );
  }
  // What CAMS is handed is the uploader's to decide: a URL, or an OSS key where that is the
  // form an account takes (which CAMS documents neither way).
  const url = hosted?.url;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is rejected
  if (typeof url !== 'string' || url.trim() === '' || /[\u0000-\u001f\u007f]/.test(url)) {
    throw new ConfigError(
      'The assetUploader returned no usable location for the Flow JSON (none, empty, or with a control character); nothing was sent to CAMS',
      { provider: PROVIDER, field: 'assetUploader' },
    );
  }
  return url;
}
