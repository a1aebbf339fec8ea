import { ProviderUnavailableError, ResponseFormatError } from '@whatsapp-bsp/core';
import { MAX_RESPONSE_JSON_DEPTH, nestedDeeperThan, redactSecrets } from '@whatsapp-bsp/core/adapter';
import { z } from 'zod';
import { NXCLOUD_PROVIDER_ID } from '../nxcloud-id.js';
import { lenientIntegerSchema } from '../wire/nxcloud-wire-values.js';
import { NxcloudAnswer } from './nxcloud-answer.js';
import { errorFromNxcloudFailure, rateLimitError, redactDeep } from './nxcloud-errors.js';

/** What the transport hands over of one HTTP exchange. */
export interface NxcloudHttpResponse {
  readonly statusCode: number;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly body: string;
}

/**
 * `{ code, message, data }`, which every NXCloud endpoint answers with, in two schemas built on
 * the first answer (not at import): the documented one, an integer `code`, tried first, and the
 * lenient one, which also reads a `code` sent as a float or a numeric string, used when the
 * first fails. The lenient union on every answer showed in the throughput (docs/performance.md).
 */
const envelopeSchema = (code: z.ZodType<number>) =>
  z.object({
    code,
    // For display only (its wording varies by page and language); never worth failing a call over.
    message: z.unknown().optional(),
    data: z.unknown().optional(),
  });
const documentedEnvelopeSchema = z.lazy(() => envelopeSchema(z.int()));
const lenientEnvelopeSchema = z.lazy(() => envelopeSchema(lenientIntegerSchema()));

const RAW_TEXT_LIMIT = 500;

/**
 * Returns the answer of a successful call; throws the matching core error for anything else.
 * The body's `code` decides whatever the HTTP status says, since NXCloud reports most
 * failures with HTTP 200; only a 429 is read from the status, as it comes from the gateway.
 */
export function readNxcloudResponse(
  response: NxcloudHttpResponse,
  action: string,
  nowMs: number,
  secrets: readonly string[],
): NxcloudAnswer {
  const { statusCode, body } = response;
  const json = parseJson(body);
  const parsed = 'value' in json ? json.value : undefined;
  if (statusCode === 429) {
    throw rateLimitError(statusCode, firstHeader(response.headers['retry-after']), nowMs, parsed, secrets);
  }
  const envelope = 'value' in json ? parseEnvelope(json.value) : undefined;
  if (envelope?.success !== true) {
    const what = 'problem' in json ? json.problem : 'JSON without the { code, message, data } envelope';
    const raw = 'value' in json ? json.value : redactSecrets(body.slice(0, RAW_TEXT_LIMIT), secrets);
    const options = {
      provider: NXCLOUD_PROVIDER_ID,
      httpStatusCode: statusCode,
      raw: redactDeep(raw, secrets),
      // No failure code says what NXCloud did with the request: it may have been applied.
      outcome: 'unknown',
    } as const;
    // A 5xx page that is not NXCloud's envelope (typically a gateway's HTML 502/503) means the
    // service behind it is down or restarting: transient, so retryable UNAVAILABLE. The same
    // junk under any other status is an answer NXCloud does not document, which a retry will
    // not fix.
    if (statusCode >= 500) {
      throw new ProviderUnavailableError(`NXCloud is unavailable: HTTP ${statusCode} with ${what}`, options);
    }
    throw new ResponseFormatError(`NXCloud answered HTTP ${statusCode} with ${what}`, options);
  }
  const { code, data } = envelope.data;
  if (code !== 0) {
    const message = typeof envelope.data.message === 'string' ? envelope.data.message : undefined;
    throw errorFromNxcloudFailure({ code, message, data, body: parsed, httpStatusCode: statusCode }, secrets);
  }
  return new NxcloudAnswer(data, statusCode, action, secrets);
}

function parseEnvelope(value: unknown) {
  const documented = documentedEnvelopeSchema.safeParse(value);
  return documented.success ? documented : lenientEnvelopeSchema.safeParse(value);
}

type ParsedBody = { readonly value: unknown } | { readonly problem: string };

function parseJson(text: string): ParsedBody {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { problem: text.trim() === '' ? 'an empty body' : 'a body that is not JSON' };
  }
  return nestedDeeperThan(value, MAX_RESPONSE_JSON_DEPTH)
    ? { problem: `JSON nested deeper than ${MAX_RESPONSE_JSON_DEPTH} levels` }
    : { value };
}

function firstHeader(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
