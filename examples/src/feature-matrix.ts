import {
  OPERATION_TABLE,
  type Operation,
  type ProviderCapabilities,
  type ProviderV1,
} from '@whatsapp-bsp/core';

export interface MatrixVendor {
  readonly title: string;
  readonly provider: ProviderV1;
}

type Describe = (capabilities: ProviderCapabilities) => string;

/** How each vendor does an operation, where its capabilities say more than "yes". */
const DETAILS: Partial<Record<Operation, readonly (readonly [string, Describe])[]>> = {
  'flows.list': [
    [
      '`flows.list`',
      ({ flows: { list } }) =>
        `${list.includesStatus ? 'with status' : 'without status (one `flows.get` per flow for it)'}; pages of up to ${list.maxPageSize} (default ${list.defaultPageSize})`,
    ],
  ],
  'templates.list': [
    [
      '`templates.list` filters',
      ({ templates: { list } }) =>
        list.filters.length ? list.filters.map((f) => `\`${f}\``).join(', ') : 'none',
    ],
    [
      '`templates.list` components',
      ({ templates: { list } }) =>
        list.includesComponents ? 'in the list' : 'fetched per template with `withComponents: true`',
    ],
    [
      '`templates.list` pages',
      ({ templates: { list } }) =>
        `up to ${list.maxPageSize} (default ${list.defaultPageSize})${list.reportsTotal ? ', with `total`' : ''}`,
    ],
  ],
  'templates.update': [
    [
      '`templates.update`',
      ({ templates }) => {
        const refused = templates.update?.refusedStatuses ?? [];
        return refused.length === 0 ? 'yes' : `yes, but not a template ${refused.join(', ')}`;
      },
    ],
  ],
  'templates.delete': [
    [
      '`templates.delete({ name })` (every language)',
      ({ templates }) =>
        deleteScopes(templates).includes('name') ? 'yes' : 'yes, by listing: one delete per language',
    ],
    [
      '`templates.delete({ name, language })`',
      ({ templates }) =>
        deleteScopes(templates).includes('language')
          ? 'yes'
          : 'no: the vendor deletes every language of a name',
    ],
  ],
  'templates.get': [
    ['`templates.get({ name, language })`', () => 'yes'],
    [
      '`templates.get({ id })`',
      ({ templates: { get } }) => (get.byId === 'native' ? 'yes' : 'by paging through the list'),
    ],
  ],
};

/** The delete scopes a vendor has natively; without the capability, both. */
function deleteScopes(templates: ProviderCapabilities['templates']): readonly string[] {
  return templates.delete?.scopes ?? ['name', 'language'];
}

/** `5 requests/s per operation`, with the operations that differ named: `(50/s: `a`, `b`)`. */
function describeRateLimits(rateLimits: ProviderCapabilities['rateLimits']): string {
  const byRate = new Map<number, string[]>();
  for (const [operation, rate] of Object.entries(rateLimits)) {
    if (rate !== undefined) byRate.set(rate, [...(byRate.get(rate) ?? []), operation]);
  }
  if (byRate.size === 0) return 'none (the vendor documents none)';
  const [common] = [...byRate.entries()].sort((a, b) => b[1].length - a[1].length)[0]!;
  const others = [...byRate.entries()]
    .filter(([rate]) => rate !== common)
    .map(([rate, operations]) => `${rate}/s: ${operations.map((o) => `\`${o}\``).join(', ')}`);
  return `${common} requests/s per operation${others.length ? ` (${others.join('; ')})` : ''}`;
}

/**
 * The README's feature matrix: one row per operation of the operation table (more where the
 * capabilities say how a vendor does it), built from the adapters themselves so the documentation
 * cannot drift from what the code does. Whether a vendor can do an operation is whether its
 * provider has the operation's method.
 */
export function renderFeatureMatrix(vendors: readonly MatrixVendor[]): string {
  const rows: string[] = [];
  const row = (label: string, cell: (vendor: MatrixVendor) => string) =>
    rows.push(`| ${label} | ${vendors.map(cell).join(' | ')} |`);
  for (const [operation, definition] of Object.entries(OPERATION_TABLE) as [
    Operation,
    (typeof OPERATION_TABLE)[Operation],
  ][]) {
    const details = DETAILS[operation];
    if (!definition.implemented) {
      row(`\`${operation}\``, () => 'planned');
    } else if (details !== undefined) {
      for (const [label, describe] of details) row(label, (vendor) => describe(vendor.provider.capabilities));
    } else {
      row(`\`${operation}\``, ({ provider }) => {
        const methods = provider[definition.resource] as unknown as Record<string, unknown>;
        return typeof methods[definition.method] === 'function' ? 'yes' : 'no';
      });
    }
  }
  row('default rate limit', ({ provider: { capabilities } }) => describeRateLimits(capabilities.rateLimits));
  const header = `| | ${vendors.map((v) => v.title).join(' | ')} |`;
  const divider = `|---|${vendors.map(() => '---').join('|')}|`;
  return [header, divider, ...rows].join('\n');
}
