import type {
  Flow,
  FlowPreview,
  FlowSummary,
  Template,
  TemplateListQuery,
  TemplateSummary,
  WhatsAppClient,
} from '@whatsapp-bsp/core';
import type { CliIo } from './cli-io.js';
import type { ParsedArguments } from './parse-arguments.js';
import { Progress } from './progress.js';
import { renderTable } from './render-table.js';
import { renderTemplateBubble } from './render-template.js';
import { styleFor } from './style.js';

/**
 * Runs a read command and writes its result in the chosen output format. `--timeout` is the
 * client's own default (see `openClient`), so calls here pass no timeout of their own.
 */
export async function runCommand(client: WhatsAppClient, args: ParsedArguments, io: CliIo): Promise<void> {
  const style = styleFor(io.stdout, io.env);
  const print = (text: string) => io.stdout.write(`${text}\n`);
  const json = (value: unknown) => print(JSON.stringify(value, null, args.output === 'json' ? 2 : 0));
  const { command } = args;

  switch (command.kind) {
    case 'flows get': {
      const flow = await client.flows.get(command.id);
      args.output === 'human' ? print(describeFlow(flow)) : json(flow);
      return;
    }
    case 'flows preview': {
      const preview = await client.flows.preview(command.id);
      args.output === 'human' ? print(describePreview(preview)) : json(preview);
      return;
    }
    case 'flows list': {
      const list = client.flows.list(pagination(args));
      await emitList(list, args, io, 'flows', (flows: FlowSummary[]) =>
        renderTable(
          ['ID', 'NAME', 'STATUS', 'CATEGORIES'],
          flows.map((flow) => [
            flow.id,
            flow.name,
            flow.status ?? style.dim('(not listed)'),
            flow.categories.join(', '),
          ]),
        ),
      );
      return;
    }
    case 'templates list': {
      const query = {
        ...pagination(args),
        ...args.filters,
        ...(args.withComponents ? { withComponents: true } : {}),
      };
      const list = client.templates.list(query as TemplateListQuery);
      await emitList(list, args, io, 'templates', (templates: TemplateSummary[]) =>
        renderTable(
          ['NAME', 'LANGUAGE', 'CATEGORY', 'STATUS', 'ID'],
          templates.map((t) => [t.name, t.language, t.category, t.status, t.id]),
        ),
      );
      return;
    }
    case 'templates get': {
      const template: Template = await client.templates.get(command.reference);
      args.output === 'human' ? print(renderTemplateBubble(template, style)) : json(template);
      return;
    }
    default:
      throw new Error(`unhandled command ${command.kind}`);
  }
}

function pagination(args: ParsedArguments) {
  return {
    ...(args.pageSize !== undefined ? { pageSize: args.pageSize } : {}),
    ...(args.maxItems !== undefined ? { maxItems: args.maxItems } : {}),
  };
}

/**
 * NDJSON streams each item as its page arrives; the table and the JSON document need the
 * whole list, and show a progress counter on a terminal meanwhile.
 */
async function emitList<T>(
  list: AsyncIterable<T> & { pages(): AsyncIterable<{ items: readonly T[] }> },
  args: ParsedArguments,
  io: CliIo,
  noun: string,
  table: (items: T[]) => string,
): Promise<void> {
  if (args.output === 'ndjson') {
    for await (const item of list) io.stdout.write(`${JSON.stringify(item)}\n`);
    return;
  }
  const progress = new Progress(io.stderr, noun);
  const items: T[] = [];
  try {
    for await (const page of list.pages()) {
      items.push(...page.items);
      progress.add(page.items.length);
    }
  } finally {
    progress.done();
  }
  if (args.maxItems !== undefined) items.splice(args.maxItems);
  io.stdout.write(`${args.output === 'json' ? JSON.stringify(items, null, 2) : table(items)}\n`);
}

function describeFlow(flow: Flow): string {
  const rows: [string, string | undefined][] = [
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
  ];
  return renderKeyValues(rows);
}

function describePreview(preview: FlowPreview): string {
  return renderKeyValues([
    ['flow', preview.flowId],
    ['url', preview.url],
    ['expires', preview.expiresAt?.toISOString()],
  ]);
}

function renderKeyValues(rows: [string, string | undefined][]): string {
  const present = rows.filter((row): row is [string, string] => row[1] !== undefined);
  const width = Math.max(...present.map(([key]) => key.length));
  return present.map(([key, value]) => `${key.padEnd(width)}  ${value}`).join('\n');
}
