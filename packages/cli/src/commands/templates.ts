import type { TemplateListQuery, TemplateSummary } from '@whatsapp-bsp/core';
import { UsageError } from '../render-error.js';
import { renderTable } from '../render-table.js';
import { renderTemplateBubble } from '../render-template.js';
import { type CommandDefinition, expectNoMore, stringFlag } from './command.js';
import { PAGINATION_FLAGS, pagination } from './pagination.js';

/** `wabsp templates …`: read message templates. */
export const TEMPLATE_COMMANDS: readonly CommandDefinition[] = [
  {
    words: ['templates', 'list'],
    usage: `templates list [--name NAME] [--language LANG] [--status STATUS] [--category CATEGORY]
               [--with-components] [--page-size N] [--max-items N]`,
    flags: {
      ...PAGINATION_FLAGS,
      name: { type: 'string' },
      language: { type: 'string' },
      status: { type: 'string' },
      category: { type: 'string' },
      'with-components': { type: 'boolean' },
    },
    parse: (positionals, flags) => {
      expectNoMore(positionals, 0);
      const limits = pagination(flags);
      const filters: Record<string, string> = {};
      for (const key of ['name', 'language', 'status', 'category'] as const) {
        const value = stringFlag(flags, key);
        if (value !== undefined)
          filters[key] = key === 'status' || key === 'category' ? value.toUpperCase() : value;
      }
      const query = {
        ...limits,
        ...filters,
        ...(flags['with-components'] ? { withComponents: true } : {}),
      } as TemplateListQuery;
      return {
        needsClient: true,
        run: (client, output) =>
          output.list(client.templates.list(query), {
            noun: 'templates',
            maxItems: limits.maxItems,
            render: templateTable,
          }),
      };
    },
  },
  {
    words: ['templates', 'get'],
    usage: 'templates get (--id ID | --name NAME --language LANG)',
    flags: { id: { type: 'string' }, name: { type: 'string' }, language: { type: 'string' } },
    parse: (positionals, flags) => {
      expectNoMore(positionals, 0);
      const [id, name, language] = ['id', 'name', 'language'].map((key) => stringFlag(flags, key));
      let reference: { id: string } | { name: string; language: string };
      if (id !== undefined && name === undefined && language === undefined) reference = { id };
      else if (id === undefined && name !== undefined && language !== undefined)
        reference = { name, language };
      else throw new UsageError('wabsp templates get needs either --id, or both --name and --language');
      return {
        needsClient: true,
        run: async (client, output) =>
          output.show(await client.templates.get(reference), renderTemplateBubble),
      };
    },
  },
];

function templateTable(templates: TemplateSummary[]): string {
  return renderTable(
    ['NAME', 'LANGUAGE', 'CATEGORY', 'STATUS', 'ID'],
    templates.map((t) => [t.name, t.language, t.category, t.status, t.id]),
  );
}
