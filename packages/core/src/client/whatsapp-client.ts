import type { ProviderV1 } from '../provider/provider-v1.js';
import { OperationRunner, type RunnerSettings } from './pipeline/operation-runner.js';
import { FlowsResource } from './resources/flows.js';
import { TemplatesResource } from './resources/templates.js';

/**
 * The client users hold: one surface for every vendor, one property per resource. List methods
 * check their query when called and throw at once; the other methods return a promise that
 * rejects. Create it with `createClient`.
 */
export class WhatsAppClient {
  /** WhatsApp Flows: get, list, preview, getJson, create, update, updateJson, publish, deprecate, delete, waitForStatus. */
  readonly flows: FlowsResource;
  /** Message templates: list, get, create, update, delete, uploadMedia, waitForStatus. */
  readonly templates: TemplatesResource;

  /** @internal Made by `createClient`. */
  constructor(
    readonly provider: ProviderV1,
    settings: RunnerSettings,
  ) {
    const runner = new OperationRunner(settings);
    this.flows = new FlowsResource(provider, runner);
    this.templates = new TemplatesResource(provider, runner);
  }
}
