/*
 * The public surface of `@whatsapp-bsp/core`, named one by one: what is not listed here is
 * internal. Adapters' shared helpers are in `@whatsapp-bsp/core/adapter`, the contract suite and
 * test doubles in `@whatsapp-bsp/core/testing`. `api/` holds the report of this surface; a test
 * fails when it changes without the report being updated.
 */

// The client
export {
  type ClientDataSettings,
  ClientDataSettingsSchema,
  type ClientSettings,
  type RateLimitOptions,
} from './client/client-settings.js';
export {
  type ClientConfigOptions,
  type ClientOptions,
  createClient,
  DEFAULT_TIMEOUT_MS,
} from './client/create-client.js';
export { type ClientPage, Paginated } from './client/pagination/paginated.js';
export { type Clock, systemClock } from './client/pipeline/clock.js';
export type {
  HookErrorSummary,
  Hooks,
  RequestEvent,
  ResponseEvent,
  RetryEvent,
} from './client/pipeline/hooks.js';
export type { CallOptions } from './client/pipeline/operation-runner.js';
export { type RateLimiter, TokenBucketRateLimiter } from './client/pipeline/rate-limiter.js';
export { DEFAULT_RETRY, type RetryOptions } from './client/pipeline/retry-policy.js';
export type { FlowsResource } from './client/resources/flows.js';
export type { TemplatesResource } from './client/resources/templates.js';
export {
  DEFAULT_WAIT_TIMEOUT_MS,
  type WaitForStatusOptions,
} from './client/waiting/wait-for-status.js';
export { WhatsAppClient } from './client/whatsapp-client.js';

// Configuration
export { type WabspConfig, WabspConfigSchema } from './config/config-schema.js';
export {
  type Env,
  type LoadConfigOptions,
  loadConfig,
  loadConfigFromEnv,
  loadConfigFromFile,
  parseConfig,
} from './config/load-config.js';

// Errors
export {
  BspError,
  type BspErrorOptions,
  type ErrorCode,
  type RequestOutcome,
} from './errors/bsp-error.js';
export {
  AuthenticationError,
  ConfigError,
  ConflictError,
  InvalidRequestError,
  NotFoundError,
  PermissionError,
  ProviderUnavailableError,
  RateLimitError,
  ResponseFormatError,
  StatusWaitTimeoutError,
  UnsupportedOperationError,
} from './errors/error-classes.js';

// The model
export {
  type EventTemplateReference,
  EventTemplateReferenceSchema,
  FLOW_ALERT_STATES,
  type FlowAlertState,
  FlowAlertStateSchema,
  type FlowEndpointAlertEvent,
  FlowEndpointAlertEventSchema,
  type FlowStatusEvent,
  FlowStatusEventSchema,
  type TemplateCategoryEvent,
  TemplateCategoryEventSchema,
  type TemplateQualityEvent,
  TemplateQualityEventSchema,
  type TemplateStatusEvent,
  TemplateStatusEventSchema,
  type UnknownEvent,
  UnknownEventSchema,
  WEBHOOK_EVENT_TYPES,
  type WebhookEvent,
  WebhookEventSchema,
  type WebhookEventType,
} from './model/events.js';
export {
  FLOW_CATEGORIES,
  FLOW_HEALTH_STATES,
  FLOW_STATUSES,
  type Flow,
  type FlowApplication,
  FlowApplicationSchema,
  type FlowCategory,
  FlowCategorySchema,
  type FlowHealthEntity,
  FlowHealthEntitySchema,
  type FlowHealthError,
  FlowHealthErrorSchema,
  type FlowHealthState,
  FlowHealthStateSchema,
  type FlowHealthStatus,
  FlowHealthStatusSchema,
  type FlowPreview,
  type FlowPreviewLink,
  FlowPreviewLinkSchema,
  FlowPreviewSchema,
  FlowSchema,
  type FlowStatus,
  FlowStatusSchema,
  type FlowSummary,
  FlowSummarySchema,
  type FlowValidationError,
  FlowValidationErrorSchema,
} from './model/flow.js';
export type { CreatedFlow, FlowJsonDocument, FlowJsonUpdate, FlowWriteAck } from './model/flow-writes.js';
export type {
  FlowChanges,
  FlowCreateInput,
  FlowJsonWriteOptions,
} from './model/inputs/flow-write-inputs.js';
export type { PaginationOptions, TemplateFilters, TemplateListQuery } from './model/inputs/list-query.js';
export type { TemplateChanges } from './model/inputs/template-changes.js';
export type { TemplateDeleteReference } from './model/inputs/template-delete-reference.js';
export {
  type TemplateDraft,
  type TemplateDraftButton,
  TemplateDraftButtonSchema,
  type TemplateDraftButtons,
  TemplateDraftButtonsSchema,
  type TemplateDraftCard,
  type TemplateDraftCarousel,
  TemplateDraftCarouselSchema,
  type TemplateDraftComponent,
  TemplateDraftComponentSchema,
  type TemplateDraftFlowButton,
  TemplateDraftFlowButtonSchema,
  type TemplateDraftHeader,
  TemplateDraftHeaderSchema,
  TemplateDraftSchema,
} from './model/inputs/template-draft.js';
export {
  TEMPLATE_MEDIA_TYPES,
  type TemplateMediaInput,
  type TemplateMediaType,
} from './model/inputs/template-media.js';
export type { TemplateReference } from './model/inputs/template-reference.js';
export { toTemplateDraft } from './model/inputs/to-template-draft.js';
export type { ResponseMetadata, WithMetadata } from './model/metadata.js';
export type { Page } from './model/page.js';
export {
  PARAMETER_FORMATS,
  type ParameterFormat,
  ParameterFormatSchema,
  QUALITY_SCORES,
  type QualityScore,
  QualityScoreSchema,
  REJECTED_REASONS,
  type RejectedReason,
  RejectedReasonSchema,
  TEMPLATE_CATEGORIES,
  TEMPLATE_STATUSES,
  type Template,
  type TemplateCategory,
  TemplateCategorySchema,
  TemplateSchema,
  type TemplateStatus,
  TemplateStatusSchema,
  type TemplateSummary,
  TemplateSummarySchema,
} from './model/template.js';
export {
  CatalogButtonSchema,
  CopyCodeButtonSchema,
  FLOW_ACTIONS,
  FlowButtonSchema,
  MpmButtonSchema,
  OTP_TYPES,
  OtpButtonSchema,
  PhoneNumberButtonSchema,
  QuickReplyButtonSchema,
  type SupportedApp,
  SupportedAppSchema,
  type TemplateButton,
  TemplateButtonSchema,
  type TemplateButtonType,
  UnknownButtonSchema,
  UrlButtonSchema,
  VoiceCallButtonSchema,
} from './model/template-button.js';
export {
  type BodyComponent,
  BodyComponentSchema,
  type ButtonsComponent,
  ButtonsComponentSchema,
  type CarouselCard,
  CarouselCardSchema,
  type CarouselComponent,
  CarouselComponentSchema,
  type FooterComponent,
  FooterComponentSchema,
  HEADER_FORMATS,
  type HeaderComponent,
  HeaderComponentSchema,
  type HeaderFormat,
  HeaderFormatSchema,
  type LimitedTimeOfferComponent,
  LimitedTimeOfferComponentSchema,
  type NamedParameterExample,
  NamedParameterExampleSchema,
  type TemplateComponent,
  TemplateComponentSchema,
  type TemplateComponentType,
  type UnknownComponent,
  UnknownComponentSchema,
} from './model/template-component.js';
export type {
  CreatedTemplate,
  DeletedTemplate,
  TemplateDeletion,
  TemplateMedia,
  TemplateWriteResult,
} from './model/template-writes.js';
// The provider specification, for adapter authors
export type { ProviderCallContext, ProviderResult } from './provider/call-context.js';
export type { ProviderCapabilities, TemplateFilter } from './provider/capabilities.js';
export {
  type ImplementedOperation,
  OPERATION_TABLE,
  OPERATIONS,
  type Operation,
  type OperationDefinition,
} from './provider/operations.js';
export type { ProviderAdapter, ProviderAdapters } from './provider/provider-adapter.js';
export type {
  FlowsProvider,
  ProviderV1,
  TemplatesProvider,
  WebhooksProvider,
} from './provider/provider-v1.js';
export type {
  CreateFlowRequest,
  CreateTemplateRequest,
  DeleteTemplateRequest,
  GetFlowRequest,
  GetTemplateRequest,
  ListFlowsRequest,
  ListRequest,
  ListTemplatesRequest,
  UpdateFlowJsonRequest,
  UpdateFlowRequest,
  UpdateTemplateRequest,
  UploadTemplateMediaRequest,
} from './provider/requests.js';
export type { WebhookCall, WebhookRequest, WebhookSignatureCheck } from './provider/webhook-request.js';
// Templates and flows as code
export {
  type ApplyItemResult,
  type ApplyItemStatus,
  type ApplyPlanOptions,
  type ApplyProgress,
  type ApplyReport,
  applyPlan,
  DEFAULT_APPLY_CONCURRENCY,
} from './state/apply-plan.js';
export {
  type ExportProgress,
  type ExportStateOptions,
  exportState,
  exportStateWithFacts,
  type StateExport,
  type StateReader,
} from './state/export-state.js';
export type { FieldChange } from './state/field-changes.js';
export { normalizeTemplateDraft } from './state/normalize-template-draft.js';
export {
  type ParseStateFileOptions,
  parseStateFile,
  type StateFilePosition,
} from './state/parse-state-file.js';
export {
  type FlowCreate,
  type FlowDelete,
  type FlowUpdate,
  type FlowUpdateStep,
  isEmptyPlan,
  type Plan,
  type PlannedCreate,
  type PlannedDelete,
  type PlannedUnchanged,
  type PlannedUnsupported,
  type PlannedUpdate,
  type TemplateCreate,
  type TemplateDelete,
  type TemplateUpdate,
  type UnsupportedReason,
} from './state/plan.js';
export { type PlanChangesOptions, planChanges } from './state/plan-changes.js';
export type { PlanTarget } from './state/plan-target.js';
export {
  FLOW_DRAFT_STATUSES,
  type FlowDraft,
  FlowDraftSchema,
  type FlowDraftStatus,
  STATE_FILE_VERSION,
  type StateFile,
  StateFileSchema,
} from './state/state-file.js';
export { StateFileError, type StateFileIssue } from './state/state-file-error.js';
export { stateFileJsonSchema } from './state/state-file-json-schema.js';
export type { StatePath } from './state/state-path.js';
export type { StateWriter } from './state/state-writer.js';
export type { VendorFacts } from './state/vendor-facts.js';
// Offline validation
export {
  checkFlowJsonBeforeWrite,
  type FlowJsonValidationMode,
  InvalidFlowJsonError,
} from './validation/flow-json/check-flow-json-before-write.js';
export {
  FLOW_JSON_ERROR_CODES,
  type FlowJsonErrorCode,
  type FlowJsonErrorType,
} from './validation/flow-json/error-codes.js';
export {
  MAX_FLOW_JSON_BYTES,
  MAX_FLOW_JSON_DEPTH,
  type ValidateFlowJsonOptions,
  validateFlowJson,
} from './validation/flow-json/validate-flow-json.js';
export { FLOW_DATA_API_VERSIONS, FLOW_JSON_VERSIONS } from './validation/flow-json/versions.js';
export {
  TEMPLATE_RULE_CODES,
  type TemplateIssueSeverity,
  type TemplateRuleCode,
} from './validation/template-draft/rule-codes.js';
export type { TemplateDraftIssue } from './validation/template-draft/template-issues.js';
export { TEMPLATE_LANGUAGES } from './validation/template-draft/template-languages.js';
export {
  checkTemplateDraft,
  TemplateValidationError,
} from './validation/template-draft/template-validation-error.js';
export {
  type ValidateTemplateDraftOptions,
  validateTemplateDraft,
} from './validation/template-draft/validate-template-draft.js';
export type {
  MediaSampleForm,
  OtpType,
  TemplateVendorRules,
} from './validation/template-draft/vendor-template-rules.js';
// Status events (webhooks)
export { createWebhookReceiver } from './webhooks/create-webhook-receiver.js';
export {
  DEFAULT_DEDUP_MAX_ENTRIES,
  MemoryDedupStore,
  type WebhookDedupStore,
} from './webhooks/dedup-store.js';
export type { WebhookEventHandler } from './webhooks/deliver-events.js';
export type { FetchWebhookHandler } from './webhooks/fetch-handler.js';
export type { NodeWebhookHandler } from './webhooks/node-handler.js';
export type { WebhookInput } from './webhooks/read-webhook.js';
export {
  DEFAULT_DEDUP_WINDOW_MS,
  DEFAULT_MAX_BODY_BYTES,
  type WebhookAuthentication,
  type WebhookReceiverOptions,
} from './webhooks/receiver-options.js';
export type { WebhookAnswer } from './webhooks/webhook-answer.js';
export {
  createWebhookEventStream,
  type WebhookEventStream,
} from './webhooks/webhook-event-stream.js';
export { WebhookReceiver } from './webhooks/webhook-receiver.js';
