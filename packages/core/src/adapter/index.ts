/*
 * `@whatsapp-bsp/core/adapter`: what adapter packages share. Users of the client need none of it;
 * the provider specification itself (ProviderV1 and its types) is in the main entry, since anyone
 * may implement it.
 */

export { safeCause } from '../errors/bsp-error.js';
export { redactSecrets } from '../errors/redact-secrets.js';
export { enumWithUnknown, toEnumValue } from '../model/enum-with-unknown.js';
export { toTemplateCategory } from '../model/template.js';
export {
  findTemplateVariables,
  isPositionalVariable,
  type TemplateVariable,
  templateVariableNames,
} from '../model/template-variables.js';
export { constantTimeEqual } from './constant-time-equal.js';
export { definedOnly } from './defined-only.js';
export { isRecord } from './is-record.js';
export { MAX_RESPONSE_JSON_DEPTH, nestedDeeperThan } from './json-nesting.js';
export { once } from './once.js';
export { otpButtonApps } from './otp-button-apps.js';
export { parseRetryAfter } from './parse-retry-after.js';
export { parseWire, type WireMismatch, type WireSchema } from './parse-wire.js';
export { templateParameterFormat } from './template-parameter-format.js';
export {
  type CertificateAuthorities,
  defaultHttpAgents,
  HttpAgents,
  type HttpAgentsOptions,
} from './transport/http-agents.js';
export { isLoopbackHost } from './transport/loopback-host.js';
export { type ProxySetting, proxyFor } from './transport/proxy-for-url.js';
export { DEFAULT_MAX_RESPONSE_BYTES } from './transport/read-response-body.js';
export { checkRequestUrl } from './transport/request-url-policy.js';
export {
  type AbortSource,
  type HttpRequest,
  type HttpResponse,
  type HttpTransportOptions,
  sendHttpRequest,
} from './transport/send-http-request.js';
export { isWellFormedText } from './transport/well-formed-text.js';
export { urlButtonSampleValue } from './url-button-sample.js';
export { jsonFingerprint, webhookEventId } from './webhook-event-id.js';
