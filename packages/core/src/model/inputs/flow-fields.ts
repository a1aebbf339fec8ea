import { isWellFormedText } from '../../adapter/transport/well-formed-text.js';
import { InvalidRequestError } from '../../errors/error-classes.js';
import { FLOW_CATEGORIES, type FlowCategory } from '../flow.js';
import { requireIdentifier } from './input-checks.js';

/*
 * The fields a flow write takes, checked once for every vendor: `flows.create` and `flows.update`
 * share them. Each check throws InvalidRequestError naming the field (`outcome: 'not-sent'`).
 */

/** A flow category the client can send: any of the model's but `UNKNOWN`. */
export type KnownFlowCategory = Exclude<FlowCategory, 'UNKNOWN'>;

/** Meta's limit on a flow's name, as the AWS End User Messaging Social API states it. */
export const MAX_FLOW_NAME_LENGTH = 200;

/**
 * A flow name: an identifier (no surrounding white space, no control characters) of at most 200
 * characters. Names are unique within a WhatsApp Business Account and compared exactly.
 */
export function requireFlowName(value: unknown, field = 'name'): string {
  const name = requireIdentifier(value, field);
  if (name.length > MAX_FLOW_NAME_LENGTH) {
    throw new InvalidRequestError(`\`${field}\` must be at most ${MAX_FLOW_NAME_LENGTH} characters`, {
      field,
    });
  }
  return name;
}

/**
 * A non-empty list of the model's flow categories (`SIGN_UP`, `SIGN_IN`, `APPOINTMENT_BOOKING`,
 * `LEAD_GENERATION`, `CONTACT_US`, `CUSTOMER_SUPPORT`, `SURVEY`, `OTHER`, `SHOPPING`), each at
 * most once. Meta and both vendors require at least one category on create and on update.
 */
export function requireFlowCategories(value: unknown, field = 'categories'): KnownFlowCategory[] {
  if (!Array.isArray(value) || value.length === 0) {
    throw new InvalidRequestError(`\`${field}\` must be a non-empty array of flow categories`, { field });
  }
  const seen = new Set<string>();
  value.forEach((category, index) => {
    if (typeof category !== 'string' || !(FLOW_CATEGORIES as readonly string[]).includes(category)) {
      throw new InvalidRequestError(`\`${field}[${index}]\` must be one of: ${FLOW_CATEGORIES.join(', ')}`, {
        field: `${field}[${index}]`,
      });
    }
    if (seen.has(category)) {
      throw new InvalidRequestError(`\`${field}\` lists ${category} twice`, { field: `${field}[${index}]` });
    }
    seen.add(category);
  });
  return [...value] as KnownFlowCategory[];
}

/**
 * The URL of a flow's data endpoint: an absolute `https:` URL, as Meta requires of the endpoints
 * it calls, without a user name or password (`user:password@`): the vendor keeps the URL as the
 * flow's and shows it to whoever reads the flow, and Meta calls the endpoint with its own
 * signature, not with credentials in the URL. The refusal never repeats the URL. Kept as given
 * (not normalized), so the vendor receives the caller's text.
 */
export function requireEndpointUri(value: unknown, field = 'endpointUri'): string {
  const refuse = () =>
    new InvalidRequestError(`\`${field}\` must be an absolute https URL, e.g. https://example.com/flow`, {
      field,
    });
  if (typeof value !== 'string' || value.trim() !== value || !isWellFormedText(value)) throw refuse();
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is rejected
  if (/[\u0000-\u001f\u007f\s]/.test(value)) throw refuse();
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw refuse();
  }
  if (url.protocol !== 'https:' || url.hostname === '') throw refuse();
  if (url.username !== '' || url.password !== '') {
    throw new InvalidRequestError(
      `\`${field}\` carries a user name or password (user:password@); a flow's endpoint URL is shown to whoever reads the flow, so give it without them`,
      { field },
    );
  }
  return value;
}

/** An optional boolean option. */
export function optionalBoolean(value: unknown, field: string): boolean | undefined {
  if (value === undefined || typeof value === 'boolean') return value;
  throw new InvalidRequestError(`\`${field}\` must be a boolean`, { field });
}
