// A stand-in for the client's write methods over the in-memory vendor, for testing applyPlan's own
// logic (order, concurrency, abort, reporting) apart from the client's retries and validation.
import { createClient } from '../../client/create-client.js';
import type { ProviderCallContext } from '../../provider/call-context.js';
import type { StateReader } from '../export-state.js';
import type { StateWriter } from '../state-writer.js';
import type { MemoryProvider } from './memory-provider.js';

/** A call context for one provider call, aborted with the caller's signal. */
function context(signal?: AbortSignal): ProviderCallContext {
  const own = signal ?? new AbortController().signal;
  return {
    signal: own,
    attempt: 1,
    timeoutMs: 10_000,
    onAbort: (listener) => {
      own.addEventListener('abort', () => listener(own.reason), { once: true });
      return () => {};
    },
  };
}

export type MemoryWriter = StateWriter &
  StateReader & {
    /** Write calls made, in order, e.g. `flows.create signup`. */
    readonly calls: string[];
  };

export function memoryWriter(provider: MemoryProvider): MemoryWriter {
  const calls: string[] = [];
  const templates = provider.templates;
  const flows = provider.flows;
  // Reads go through a real client; only the writes are stood in for.
  const client = createClient({ provider, rateLimit: false, retry: { maxAttempts: 1 } });
  return {
    calls,
    provider,
    templates: {
      list: client.templates.list,
      create: async (draft, options) => {
        calls.push(`templates.create ${draft.name} ${draft.language}`);
        return { ...(await templates.doCreate!({ draft }, context(options?.signal))).value };
      },
      update: async (reference, changes, options) => {
        calls.push(`templates.update ${reference.name} ${reference.language}`);
        const current = (await templates.doGet(reference, context(options?.signal))).value;
        const category =
          changes.category === undefined || changes.category === 'UNKNOWN' ? 'UTILITY' : changes.category;
        return (
          await templates.doUpdate!(
            { id: current.id, name: reference.name, language: reference.language, ...changes, category },
            context(options?.signal),
          )
        ).value;
      },
      delete: async (reference, options) => {
        calls.push(
          `templates.delete ${reference.name}${'language' in reference ? ` ${reference.language}` : ''}`,
        );
        const request =
          'language' in reference
            ? { scope: 'language' as const, id: '', name: reference.name, language: reference.language }
            : { scope: 'name' as const, name: reference.name };
        await templates.doDelete!(request, context(options?.signal));
        return { deleted: [reference] };
      },
      waitForStatus: async (reference, options) => {
        calls.push(`templates.waitForStatus ${reference.name} ${reference.language}`);
        return (await templates.doGet(reference, context(options?.signal))).value;
      },
    },
    flows: {
      list: (query) => client.flows.list(query),
      get: (id, options) => client.flows.get(id, options),
      getJson: async (id, options) => (await flows.doGetJson!({ id }, context(options?.signal))).value,
      create: async (input, options) => {
        calls.push(`flows.create ${input.name}`);
        const categories = input.categories.filter((category) => category !== 'UNKNOWN');
        const { id } = (
          await flows.doCreate!(
            {
              name: input.name,
              categories,
              ...(input.endpointUri !== undefined && { endpointUri: input.endpointUri }),
            },
            context(options?.signal),
          )
        ).value;
        if (input.flowJson !== undefined) {
          const text = typeof input.flowJson === 'string' ? input.flowJson : JSON.stringify(input.flowJson);
          await flows.doUpdateJson!({ id, text }, context(options?.signal));
        }
        if (input.publish) await flows.doPublish!({ id }, context(options?.signal));
        return (await flows.doGet({ id }, context(options?.signal))).value;
      },
      update: async (id, changes, options) => {
        calls.push(`flows.update ${id}`);
        const { categories, ...rest } = changes;
        const known = categories?.filter((category) => category !== 'UNKNOWN');
        return (
          await flows.doUpdate!(
            { id, ...rest, ...(known !== undefined && { categories: known }) },
            context(options?.signal),
          )
        ).value;
      },
      updateJson: async (id, flowJson, options) => {
        calls.push(`flows.updateJson ${id}`);
        const text = typeof flowJson === 'string' ? flowJson : JSON.stringify(flowJson);
        return (await flows.doUpdateJson!({ id, text }, context(options?.signal))).value;
      },
      publish: async (id, options) => {
        calls.push(`flows.publish ${id}`);
        return (await flows.doPublish!({ id }, context(options?.signal))).value;
      },
      deprecate: async (id, options) => {
        calls.push(`flows.deprecate ${id}`);
        return (await flows.doDeprecate!({ id }, context(options?.signal))).value;
      },
      delete: async (id, options) => {
        calls.push(`flows.delete ${id}`);
        return (await flows.doDelete!({ id }, context(options?.signal))).value;
      },
    },
  };
}
