import type { CallOptions } from '../../client/pipeline/operation-runner.js';
import { InvalidRequestError } from '../../errors/error-classes.js';
import type { CreateFlowRequest, UpdateFlowRequest } from '../../provider/requests.js';
import type { FlowJsonValidationMode } from '../../validation/flow-json/check-flow-json-before-write.js';
import type { FlowCategory } from '../flow.js';
import { CALL_OPTION_KEYS, parseCallOptions } from './call-options.js';
import {
  optionalBoolean,
  requireEndpointUri,
  requireFlowCategories,
  requireFlowName,
} from './flow-fields.js';
import { parseFlowJsonValidationMode, requireFlowJson } from './flow-json-input.js';
import { rejectUnknownKeys, requireIdentifier, requireObject } from './input-checks.js';

/** What `flows.create` takes. */
export interface FlowCreateInput {
  /** Unique within the WhatsApp Business Account; 1 to 200 characters. */
  name: string;
  /** At least one; each at most once. */
  categories: FlowCategory[];
  /** The flow's data endpoint: an absolute https URL, without a user name or password. */
  endpointUri?: string;
  /** Create the flow as a copy of this flow (its Flow JSON included). */
  cloneFlowId?: string;
  /** The Flow JSON to upload once the flow exists: an object, or its text sent byte-for-byte. */
  flowJson?: object | string;
  /** Publish the flow once its Flow JSON is uploaded; needs `flowJson` or `cloneFlowId`. */
  publish?: boolean;
  /** Offline validation of `flowJson` before anything is sent: `'error'` (default), `'warn'`, `'off'`. */
  validate?: FlowJsonValidationMode;
}

/** What `flows.update` changes: at least one field. */
export interface FlowChanges {
  /** The new name; unique within the WhatsApp Business Account, 1 to 200 characters. */
  name?: string;
  /** The new categories, replacing the old: at least one, each at most once. */
  categories?: FlowCategory[];
  /** The new data endpoint: an absolute https URL, without a user name or password. */
  endpointUri?: string;
}

/** A `flows.create` input once checked. */
export interface ParsedFlowCreate {
  readonly request: CreateFlowRequest;
  /** The Flow JSON as given (for validation, which places errors in text) and as it is sent. */
  readonly flowJson?: { readonly given: object | string; readonly text: string };
  readonly publish: boolean;
  readonly validate: FlowJsonValidationMode;
}

const CREATE_KEYS = ['name', 'categories', 'endpointUri', 'cloneFlowId', 'flowJson', 'publish', 'validate'];
const CHANGE_KEYS = ['name', 'categories', 'endpointUri'];

/**
 * Checks the input of `flows.create`. Keys set to `undefined` count as absent.
 *
 * @throws InvalidRequestError naming the field at fault; nothing has been sent.
 */
export function parseFlowCreateInput(input: unknown): ParsedFlowCreate {
  const raw = requireInputObject(input, 'flows.create', 'input');
  rejectUnknownKeys(raw, CREATE_KEYS, 'flows.create');
  const request: CreateFlowRequest = {
    name: requireFlowName(raw.name),
    categories: requireFlowCategories(raw.categories),
    ...(raw.endpointUri !== undefined && { endpointUri: requireEndpointUri(raw.endpointUri) }),
    ...(raw.cloneFlowId !== undefined && { cloneFlowId: requireIdentifier(raw.cloneFlowId, 'cloneFlowId') }),
  };
  const publish = optionalBoolean(raw.publish, 'publish') ?? false;
  const validate = parseFlowJsonValidationMode(raw.validate);
  const flowJson =
    raw.flowJson === undefined
      ? undefined
      : { given: raw.flowJson as object | string, text: requireFlowJson(raw.flowJson) };
  // A flow without a Flow JSON cannot be published; refusing now leaves no half-made flow behind.
  if (publish && flowJson === undefined && request.cloneFlowId === undefined) {
    throw new InvalidRequestError(
      '`publish: true` needs `flowJson` (or `cloneFlowId`): a flow without a Flow JSON cannot be published',
      { field: 'publish' },
    );
  }
  return { request, ...(flowJson && { flowJson }), publish, validate };
}

/**
 * Checks the changes of `flows.update`: only the fields given are sent, and at least one is.
 *
 * @throws InvalidRequestError naming the field at fault; nothing has been sent.
 */
export function parseFlowChanges(id: string, changes: unknown): UpdateFlowRequest {
  const raw = requireInputObject(changes, 'flows.update', 'changes');
  rejectUnknownKeys(raw, CHANGE_KEYS, 'flows.update');
  const request: UpdateFlowRequest = {
    id,
    ...(raw.name !== undefined && { name: requireFlowName(raw.name) }),
    ...(raw.categories !== undefined && { categories: requireFlowCategories(raw.categories) }),
    ...(raw.endpointUri !== undefined && { endpointUri: requireEndpointUri(raw.endpointUri) }),
  };
  if (Object.keys(request).length === 1) {
    throw new InvalidRequestError('`flows.update` needs at least one of: name, categories, endpointUri', {
      field: 'changes',
    });
  }
  return request;
}

/** The object a write takes, with keys set to `undefined` left out. */
function requireInputObject(value: unknown, what: string, field: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new InvalidRequestError(`${what} expects an object`, { field });
  }
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined));
}

/** The options of `flows.updateJson`: the call's, and `validate`. */
export type FlowJsonWriteOptions = CallOptions & { validate?: FlowJsonValidationMode };

/**
 * Checks the options of `flows.updateJson`: `signal`, `timeoutMs`, `retry` and `validate`.
 *
 * @throws InvalidRequestError naming the option at fault.
 */
export function parseFlowJsonWriteOptions(options: unknown): {
  readonly call: CallOptions;
  readonly validate: FlowJsonValidationMode;
} {
  const raw = requireObject(options, 'flows.updateJson');
  const { validate, ...call } = raw;
  rejectUnknownKeys(
    Object.fromEntries(Object.entries(raw).filter(([, value]) => value !== undefined)),
    [...CALL_OPTION_KEYS, 'validate'],
    'flows.updateJson options',
  );
  return { call: parseCallOptions(call), validate: parseFlowJsonValidationMode(validate) };
}
