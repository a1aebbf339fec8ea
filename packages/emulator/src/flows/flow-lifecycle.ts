import { EMULATOR_WABA_ID } from '../credentials.js';
import type { EmulatorFlow, FlowValidationError } from '../model.js';
import type { FlowCollection } from '../store/flow-collection.js';
import { validateFlowJsonBytes } from './check-flow-json.js';
import { DEFAULT_FLOW_JSON_VERSION, defaultFlowJson } from './default-flow-json.js';
import { type FlowOperation, FlowRefusal } from './flow-refusal.js';

/** The categories of Meta's Flows API, as both vendors list them. */
export const FLOW_CATEGORIES: readonly string[] = [
  'SIGN_UP',
  'SIGN_IN',
  'APPOINTMENT_BOOKING',
  'LEAD_GENERATION',
  'CONTACT_US',
  'CUSTOMER_SUPPORT',
  'SURVEY',
  'OTHER',
];

/** Meta takes a Flow JSON of at most 10 MB. */
export const MAX_FLOW_JSON_BYTES = 10 * 1024 * 1024;

/**
 * Published flows, including those Meta's health monitor throttled or blocked: an edit sends them
 * back to DRAFT.
 */
const LIVE_STATUSES = ['PUBLISHED', 'THROTTLED', 'BLOCKED'];

/** What a create takes: Meta's `name`, `categories`, `endpoint_uri`, `clone_flow_id`. */
export interface NewFlow {
  /** Unique within the account. */
  name: string;
  /** At least one of `FLOW_CATEGORIES`. */
  categories: readonly string[];
  /** The flow's data endpoint, an `https` URL. */
  endpointUri?: string;
  /** A flow whose Flow JSON the new flow starts with. */
  cloneFlowId?: string;
}

/** What a metadata update may change; at least one of them. */
export interface FlowChanges {
  /** Unique within the account. */
  name?: string;
  /** At least one of `FLOW_CATEGORIES`. */
  categories?: readonly string[];
  /** An `https` URL. */
  endpointUri?: string;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The life of a flow under Meta's Flows API, which both vendors pass on
 * (https://developers.facebook.com/docs/whatsapp/flows/guides/lifecycle): a create makes a DRAFT;
 * only a DRAFT whose Flow JSON has no validation errors is published; only a PUBLISHED flow is
 * deprecated; only a DRAFT is deleted; a DEPRECATED flow can no longer be changed. Metadata and
 * Flow JSON updates send a published flow back to DRAFT, as Meta's current Flows API documents
 * (older wording, repeated on NXCloud's queryFlowById page, said a published flow could not be
 * updated at all). Names are unique within the account. A refused write throws a `FlowRefusal`
 * and changes nothing. Status changes go through the store, whose watchers post the callbacks.
 */
export class FlowLifecycle {
  constructor(private readonly flows: FlowCollection) {}

  /** A new DRAFT; a clone starts with its source's Flow JSON (and its validation errors). */
  create(input: NewFlow): EmulatorFlow {
    const name = checkName(input.name, 'create');
    const categories = checkCategories(input.categories, 'create');
    if (input.endpointUri !== undefined) checkEndpointUri(input.endpointUri, 'create');
    this.checkNameFree(name, undefined, 'create');
    let source: EmulatorFlow | undefined;
    if (input.cloneFlowId !== undefined) {
      source = this.flows.get(input.cloneFlowId);
      if (!source) {
        throw new FlowRefusal(
          'not-found',
          'create',
          `Flow with specified ID does not exist: clone_flow_id ${input.cloneFlowId}.`,
          { field: 'clone_flow_id' },
        );
      }
    }
    const endpointUri = input.endpointUri ?? source?.endpointUri;
    const flow = this.flows.addAsCreated({
      name,
      status: 'DRAFT',
      categories: [...categories],
      validationErrors: source ? [...source.validationErrors] : [],
      jsonVersion: source?.jsonVersion ?? DEFAULT_FLOW_JSON_VERSION,
      ...(source?.dataApiVersion ? { dataApiVersion: source.dataApiVersion } : {}),
      ...(endpointUri ? { endpointUri } : {}),
      whatsappBusinessAccountId: EMULATOR_WABA_ID,
    });
    if (source) this.flows.storeJson(flow.id, this.jsonOf(source.id) as Buffer);
    return flow;
  }

  /** Changes name, categories or endpoint; a published flow goes back to DRAFT. */
  update(id: string, changes: FlowChanges): EmulatorFlow {
    const flow = this.changeable(id, 'update');
    if (changes.name === undefined && changes.categories === undefined && changes.endpointUri === undefined) {
      throw new FlowRefusal(
        'invalid-input',
        'update',
        'Nothing to update: give name, categories or endpoint_uri.',
        {
          field: 'name',
        },
      );
    }
    const updated: EmulatorFlow = { ...flow, status: afterEdit(flow.status) };
    if (changes.name !== undefined) {
      updated.name = checkName(changes.name, 'update');
      this.checkNameFree(updated.name, flow.id, 'update');
    }
    if (changes.categories !== undefined)
      updated.categories = [...checkCategories(changes.categories, 'update')];
    if (changes.endpointUri !== undefined)
      updated.endpointUri = checkEndpointUri(changes.endpointUri, 'update');
    return this.flows.replace(updated);
  }

  /**
   * Stores a Flow JSON (exact bytes) and checks it: the validation errors are kept on the flow and
   * returned. The versions it declares become the flow's; a published flow goes back to DRAFT.
   */
  updateJson(id: string, bytes: Uint8Array): { flow: EmulatorFlow; validationErrors: FlowValidationError[] } {
    const flow = this.changeable(id, 'updateJson');
    if (bytes.length === 0) {
      throw new FlowRefusal('invalid-input', 'updateJson', 'The Flow JSON file is empty.', { field: 'file' });
    }
    if (bytes.length > MAX_FLOW_JSON_BYTES) {
      throw new FlowRefusal(
        'invalid-input',
        'updateJson',
        `The Flow JSON is ${bytes.length} bytes: at most ${MAX_FLOW_JSON_BYTES} are accepted.`,
        { field: 'file' },
      );
    }
    const validationErrors = validateFlowJsonBytes(bytes);
    const updated: EmulatorFlow = { ...flow, status: afterEdit(flow.status), validationErrors };
    const versions = declaredVersions(bytes);
    if (versions) {
      updated.jsonVersion = versions.version;
      if (versions.dataApiVersion === undefined) delete updated.dataApiVersion;
      else updated.dataApiVersion = versions.dataApiVersion;
    }
    this.flows.storeJson(id, bytes);
    return { flow: this.flows.replace(updated), validationErrors };
  }

  /** DRAFT → PUBLISHED, when the Flow JSON has no validation errors. */
  publish(id: string): EmulatorFlow {
    const flow = this.existing(id, 'publish');
    if (flow.status !== 'DRAFT') {
      throw new FlowRefusal(
        'wrong-state',
        'publish',
        `The flow is ${flow.status}: only DRAFT flows can be published.`,
        { status: flow.status },
      );
    }
    if (flow.validationErrors.length > 0) {
      throw new FlowRefusal(
        'validation-errors',
        'publish',
        `The Flow JSON has ${flow.validationErrors.length} validation error(s): fix them before publishing.`,
        { status: flow.status },
      );
    }
    return this.flows.replace({ ...flow, status: 'PUBLISHED' });
  }

  /** PUBLISHED → DEPRECATED, for good. */
  deprecate(id: string): EmulatorFlow {
    const flow = this.existing(id, 'deprecate');
    if (flow.status !== 'PUBLISHED') {
      throw new FlowRefusal(
        'wrong-state',
        'deprecate',
        flow.status === 'DEPRECATED'
          ? 'The flow is already DEPRECATED.'
          : `The flow is ${flow.status}: only PUBLISHED flows can be deprecated.`,
        { status: flow.status },
      );
    }
    return this.flows.replace({ ...flow, status: 'DEPRECATED' });
  }

  /** Removes a DRAFT, its Flow JSON with it. */
  delete(id: string): void {
    const flow = this.existing(id, 'delete');
    if (flow.status !== 'DRAFT') {
      throw new FlowRefusal(
        'wrong-state',
        'delete',
        `The flow is ${flow.status}: only DRAFT flows can be deleted${flow.status === 'PUBLISHED' ? ' (deprecate it instead)' : ''}.`,
        { status: flow.status },
      );
    }
    this.flows.remove(id);
  }

  /**
   * The Flow JSON a vendor serves for a flow: the bytes last uploaded, or, for a flow that never
   * had one, the generated starting document. Undefined when there is no such flow.
   */
  jsonOf(id: string): Buffer | undefined {
    const stored = this.flows.storedJson(id);
    if (stored) return stored;
    const flow = this.flows.get(id);
    return flow && Buffer.from(defaultFlowJson(flow), 'utf8');
  }

  private existing(id: string, operation: FlowOperation): EmulatorFlow {
    const flow = this.flows.get(id);
    if (!flow) throw new FlowRefusal('not-found', operation, `Flow with specified ID does not exist: ${id}.`);
    return flow;
  }

  /** An existing flow that may still be edited: any but a DEPRECATED one. */
  private changeable(id: string, operation: 'update' | 'updateJson'): EmulatorFlow {
    const flow = this.existing(id, operation);
    if (flow.status === 'DEPRECATED') {
      throw new FlowRefusal('wrong-state', operation, "The flow is DEPRECATED: it can't be updated.", {
        status: flow.status,
      });
    }
    return flow;
  }

  private checkNameFree(name: string, ownId: string | undefined, operation: FlowOperation): void {
    const holders = this.flows.named(name).slice(0, 2);
    if (holders.some((holder) => holder.id !== ownId)) {
      throw new FlowRefusal(
        'name-taken',
        operation,
        `Flow name is not unique: another flow of this WhatsApp Business Account is named ${JSON.stringify(name)}.`,
        { field: 'name' },
      );
    }
  }
}

/** The `version` and `data_api_version` a Flow JSON declares, when it is an object with a version. */
function declaredVersions(bytes: Uint8Array): { version: string; dataApiVersion?: string } | undefined {
  let document: unknown;
  try {
    document = JSON.parse(utf8.decode(bytes));
  } catch {
    return undefined;
  }
  if (typeof document !== 'object' || document === null) return undefined;
  const { version, data_api_version: dataApiVersion } = document as Record<string, unknown>;
  if (typeof version !== 'string') return undefined;
  return typeof dataApiVersion === 'string' ? { version, dataApiVersion } : { version };
}

function afterEdit(status: string): string {
  return LIVE_STATUSES.includes(status) ? 'DRAFT' : status;
}

function checkName(name: unknown, operation: FlowOperation): string {
  if (typeof name !== 'string' || name.trim() === '') {
    throw new FlowRefusal('invalid-input', operation, 'name must be a non-empty string.', { field: 'name' });
  }
  return name;
}

function checkCategories(categories: unknown, operation: FlowOperation): readonly string[] {
  if (
    !Array.isArray(categories) ||
    categories.length === 0 ||
    !categories.every((category) => typeof category === 'string' && FLOW_CATEGORIES.includes(category))
  ) {
    throw new FlowRefusal(
      'invalid-input',
      operation,
      `categories must list at least one of ${FLOW_CATEGORIES.join(', ')}.`,
      { field: 'categories' },
    );
  }
  return categories as string[];
}

/** Meta calls a flow's data endpoint over HTTPS only. */
function checkEndpointUri(uri: unknown, operation: FlowOperation): string {
  let valid = false;
  if (typeof uri === 'string') {
    try {
      valid = new URL(uri).protocol === 'https:';
    } catch {
      valid = false;
    }
  }
  if (!valid) {
    throw new FlowRefusal(
      'invalid-input',
      operation,
      'Invalid Endpoint URI: endpoint_uri must be an https URL.',
      {
        field: 'endpoint_uri',
      },
    );
  }
  return uri as string;
}
