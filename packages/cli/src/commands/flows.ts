import type { Flow, FlowPreview, FlowSummary } from '@whatsapp-bsp/core';
import { UsageError } from '../render-error.js';
import { renderKeyValues } from '../render-key-values.js';
import { renderTable } from '../render-table.js';
import type { Style } from '../style.js';
import { type CommandDefinition, expectNoMore, type FlagValues } from './command.js';
import { PAGINATION_FLAGS, pagination } from './pagination.js';

/** `wabsp flows …`: read flows. */
export const FLOW_COMMANDS: readonly CommandDefinition[] = [
  {
    words: ['flows', 'get'],
    usage: 'flows get <id>',
    parse: (positionals) => {
      const id = flowId(positionals, 'get');
      return {
        needsClient: true,
        run: async (client, output) => output.show(await client.flows.get(id), describeFlow),
      };
    },
  },
  {
    words: ['flows', 'list'],
    usage: 'flows list [--page-size N] [--max-items N]',
    flags: PAGINATION_FLAGS,
    parse: (positionals, flags: FlagValues) => {
      expectNoMore(positionals, 0);
      const query = pagination(flags);
      return {
        needsClient: true,
        run: (client, output) =>
          output.list(client.flows.list(query), {
            noun: 'flows',
            maxItems: query.maxItems,
            render: flowTable,
          }),
      };
    },
  },
  {
    words: ['flows', 'preview'],
    usage: 'flows preview <id>',
    parse: (positionals) => {
      const id = flowId(positionals, 'preview');
      return {
        needsClient: true,
        run: async (client, output) => output.show(await client.flows.preview(id), describePreview),
      };
    },
  },
];

/** The one flow id a `wabsp flows <action>` command takes. */
export function flowId(positionals: readonly string[], action: string): string {
  const id = positionals[0];
  if (id === undefined) throw new UsageError(`wabsp flows ${action} needs a flow id`);
  expectNoMore(positionals, 1);
  return id;
}

function flowTable(flows: FlowSummary[], style: Style): string {
  return renderTable(
    ['ID', 'NAME', 'STATUS', 'CATEGORIES'],
    flows.map((flow) => [
      flow.id,
      flow.name,
      flow.status ?? style.dim('(not listed)'),
      flow.categories.join(', '),
    ]),
  );
}

/** A flow as `key  value` lines. */
export function describeFlow(flow: Flow): string {
  return renderKeyValues([
    ['id', flow.id],
    ['name', flow.name],
    ['status', flow.status],
    ['categories', flow.categories.join(', ')],
    ['json version', flow.jsonVersion],
    ['data api version', flow.dataApiVersion],
    ['endpoint', flow.endpointUri],
    ['preview', flow.preview?.url],
    ['preview expires', flow.preview?.expiresAt?.toISOString()],
    ['application', flow.application?.name],
    [
      'validation errors',
      flow.validationErrors.length ? flow.validationErrors.map((e) => e.message).join('; ') : 'none',
    ],
  ]);
}

function describePreview(preview: FlowPreview): string {
  return renderKeyValues([
    ['flow', preview.flowId],
    ['url', preview.url],
    ['expires', preview.expiresAt?.toISOString()],
  ]);
}
