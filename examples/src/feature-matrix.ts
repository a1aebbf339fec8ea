import type { ProviderCapabilities } from '@whatsapp-bsp/core';

export interface VendorCapabilities {
  readonly title: string;
  readonly capabilities: ProviderCapabilities;
}

/**
 * The README's feature matrix, built from the adapters' `capabilities` so the documentation
 * cannot drift from what the code does.
 */
export function renderFeatureMatrix(vendors: readonly VendorCapabilities[]): string {
  const rows: [string, (c: ProviderCapabilities) => string][] = [
    ['`flows.get`', () => 'yes'],
    [
      '`flows.list`',
      ({ flows: { list } }) =>
        `${list.includesStatus ? 'with status' : 'without status (one `flows.get` per flow for it)'}; pages of up to ${list.maxPageSize} (default ${list.defaultPageSize})`,
    ],
    ['`flows.preview`', () => 'yes'],
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
    ['`templates.get({ name, language })`', () => 'yes'],
    [
      '`templates.get({ id })`',
      ({ templates: { get } }) => (get.byId === 'native' ? 'yes' : 'by paging through the list'),
    ],
    [
      'default rate limit',
      ({ rateLimits }) => {
        const rates = [...new Set(Object.values(rateLimits))];
        if (rates.length === 0) return 'none (the vendor documents none)';
        return rates.length === 1 ? `${rates[0]} requests/s per operation` : JSON.stringify(rateLimits);
      },
    ],
  ];
  const header = `| | ${vendors.map((v) => v.title).join(' | ')} |`;
  const divider = `|---|${vendors.map(() => '---').join('|')}|`;
  const body = rows.map(
    ([label, describe]) => `| ${label} | ${vendors.map((v) => describe(v.capabilities)).join(' | ')} |`,
  );
  return [header, divider, ...body].join('\n');
}
