import type { WebhookEvent } from '../model/events.js';
import type { Flow, FlowPreview, FlowSummary } from '../model/flow.js';
import type { CreatedFlow, FlowJsonDocument, FlowJsonUpdate, FlowWriteAck } from '../model/flow-writes.js';
import type { Page } from '../model/page.js';
import type { Template, TemplateSummary } from '../model/template.js';
import type { CreatedTemplate, TemplateMedia } from '../model/template-writes.js';
import type { ProviderCallContext, ProviderResult } from './call-context.js';
import type { ProviderCapabilities } from './capabilities.js';
import type {
  CreateFlowRequest,
  CreateTemplateRequest,
  DeleteTemplateRequest,
  GetFlowRequest,
  GetTemplateRequest,
  ListFlowsRequest,
  ListTemplatesRequest,
  UpdateFlowJsonRequest,
  UpdateFlowRequest,
  UpdateTemplateRequest,
  UploadTemplateMediaRequest,
} from './requests.js';
import type { WebhookCall, WebhookRequest, WebhookSignatureCheck } from './webhook-request.js';

/** The flow operations of a vendor. */
export interface FlowsProvider {
  doGet(request: GetFlowRequest, context: ProviderCallContext): Promise<ProviderResult<Flow>>;
  doList(request: ListFlowsRequest, context: ProviderCallContext): Promise<ProviderResult<Page<FlowSummary>>>;
  doGetPreview(request: GetFlowRequest, context: ProviderCallContext): Promise<ProviderResult<FlowPreview>>;
  /** The flow's Flow JSON, downloaded in full (within the response size limit). */
  doGetJson?(
    request: GetFlowRequest,
    context: ProviderCallContext,
  ): Promise<ProviderResult<FlowJsonDocument>>;
  /**
   * Writes. Each throws ConflictError only for a refusal the adapter knows means "name taken" or
   * "wrong state"; any other refusal is a failure the client confirms with a read (DESIGN §12).
   */
  doCreate?(request: CreateFlowRequest, context: ProviderCallContext): Promise<ProviderResult<CreatedFlow>>;
  doUpdate?(request: UpdateFlowRequest, context: ProviderCallContext): Promise<ProviderResult<FlowWriteAck>>;
  doUpdateJson?(
    request: UpdateFlowJsonRequest,
    context: ProviderCallContext,
  ): Promise<ProviderResult<FlowJsonUpdate>>;
  doPublish?(request: GetFlowRequest, context: ProviderCallContext): Promise<ProviderResult<FlowWriteAck>>;
  doDeprecate?(request: GetFlowRequest, context: ProviderCallContext): Promise<ProviderResult<FlowWriteAck>>;
  doDelete?(request: GetFlowRequest, context: ProviderCallContext): Promise<ProviderResult<FlowWriteAck>>;
}

/** The template operations of a vendor. */
export interface TemplatesProvider {
  doList(
    request: ListTemplatesRequest,
    context: ProviderCallContext,
  ): Promise<ProviderResult<Page<TemplateSummary | Template>>>;
  /** Only called with `{ id }` when `capabilities.templates.get.byId` is `native`. */
  doGet(request: GetTemplateRequest, context: ProviderCallContext): Promise<ProviderResult<Template>>;
  /** Writes, as for flows: ConflictError only for refusals the adapter can classify. */
  doCreate?(
    request: CreateTemplateRequest,
    context: ProviderCallContext,
  ): Promise<ProviderResult<CreatedTemplate>>;
  doUpdate?(
    request: UpdateTemplateRequest,
    context: ProviderCallContext,
  ): Promise<ProviderResult<CreatedTemplate>>;
  /** Only called with a scope listed in `capabilities.templates.delete.scopes`. */
  doDelete?(request: DeleteTemplateRequest, context: ProviderCallContext): Promise<ProviderResult<object>>;
  doUploadMedia?(
    request: UploadTemplateMediaRequest,
    context: ProviderCallContext,
  ): Promise<ProviderResult<TemplateMedia>>;
}

/**
 * How a vendor's callbacks are read. Unlike the `do*` methods of the other resources, these make
 * no request: they are pure functions of the call the vendor made (no I/O, no clock but the
 * request's `receivedAt`).
 */
export interface WebhooksProvider {
  /**
   * The events of one callback, in the order the vendor reported them; reports the model does not
   * cover become `unknown` events.
   *
   * @throws ResponseFormatError when the body is not a shape the vendor documents.
   */
  doParse(request: WebhookRequest): WebhookEvent[];
  /**
   * Whether the call carries the vendor's valid signature of its exact body; checked before the
   * body is parsed. Absent when the vendor documents no signature: the receiver then offers only
   * a shared-secret check.
   */
  doVerifySignature?(call: WebhookCall, check: WebhookSignatureCheck): boolean;
}

/**
 * The contract between the client and a vendor adapter, one sub-provider per resource. Each
 * `do*` method makes exactly one vendor request: no retry, no sleep, no pagination loop, no
 * validation of what the client already validated. Those live once, in the client. Write
 * operations (see `OPERATION_TABLE`) join the sub-providers as optional methods: a missing method
 * means the vendor cannot, and `capabilities` say how a vendor does what it does.
 */
export interface ProviderV1 {
  readonly specificationVersion: 'v1';
  /** `'nxcloud'`, `'cams'`, or a third party's id; the key of its options in a configuration. */
  readonly id: string;
  readonly capabilities: ProviderCapabilities;
  readonly flows: FlowsProvider;
  readonly templates: TemplatesProvider;
  /** Absent when the adapter cannot read the vendor's callbacks. */
  readonly webhooks?: WebhooksProvider;
}
