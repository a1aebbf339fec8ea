import { FlowCollection } from './flow-collection.js';
import { createFlowGenerator } from './generate-flows.js';
import { createTemplateGenerator } from './generate-templates.js';
import { numericIdFactory, Random } from './random.js';
import { RecordList } from './record-list.js';
import { TemplateCollection } from './template-collection.js';
import { CAMS_EXAMPLE_FLOW, NXCLOUD_EXAMPLE_FLOW, NXCLOUD_EXAMPLE_TEMPLATE } from './vendor-examples.js';

export const DEFAULT_SEED = 20240601;
export const DEFAULT_FLOW_COUNT = 30;
export const DEFAULT_TEMPLATE_COUNT = 60;

export interface StoreOptions {
  /** Seed of the generated data; the same seed always gives the same data. */
  seed?: number;
  /**
   * How many flows and templates to start with. The vendors' documented examples come first
   * (two flows, one template), generated records fill the rest.
   */
  data?: { flows?: number; templates?: number };
}

/** The emulator's in-memory data, shared by both vendor servers. */
export interface EmulatorStore {
  readonly seed: number;
  readonly flows: FlowCollection;
  readonly templates: TemplateCollection;
}

export function createStore(options: StoreOptions = {}): EmulatorStore {
  const seed = options.seed ?? DEFAULT_SEED;
  if (!Number.isSafeInteger(seed)) throw new TypeError('seed must be an integer');
  const flowCount = count(options.data?.flows, DEFAULT_FLOW_COUNT, 'data.flows');
  const templateCount = count(options.data?.templates, DEFAULT_TEMPLATE_COUNT, 'data.templates');

  const exampleFlows = [NXCLOUD_EXAMPLE_FLOW, CAMS_EXAMPLE_FLOW].slice(0, flowCount);
  const exampleTemplates = [NXCLOUD_EXAMPLE_TEMPLATE].slice(0, templateCount);

  const newFlowId = sequence(numericIdFactory(seed, 8));
  const newTemplateId = sequence(numericIdFactory(seed, 9));
  const codes = new Random(seed, 30);

  return {
    seed,
    flows: new FlowCollection(
      new RecordList(exampleFlows, flowCount - exampleFlows.length, createFlowGenerator(seed)),
      newFlowId,
    ),
    templates: new TemplateCollection(
      new RecordList(
        exampleTemplates,
        templateCount - exampleTemplates.length,
        createTemplateGenerator(seed),
      ),
      newTemplateId,
      () => codes.hex(32),
    ),
  };
}

function count(value: number | undefined, fallback: number, field: string): number {
  if (value === undefined) return fallback;
  if (!Number.isSafeInteger(value) || value < 0)
    throw new TypeError(`${field} must be a non-negative integer`);
  return value;
}

function sequence(idAt: (index: number) => string): () => string {
  let next = 0;
  return () => idAt(next++);
}
