import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { adapter } from './nxcloud-adapter.js';
import { nxcloudCapabilities } from './nxcloud-capabilities.js';
import { NXCLOUD_DEFAULT_OPERATIONS, nxcloudOptionsSchema } from './nxcloud-options.js';
import { META_ERROR_RULES } from './transport/nxcloud-errors.js';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

/** The body rows of the first markdown table after a heading, as arrays of cell texts. */
function tableAfter(heading: string): string[][] {
  const lines = readme.slice(readme.indexOf(`${heading}\n`)).split('\n');
  const first = lines.findIndex((line) => line.startsWith('|'));
  const end = lines.findIndex((line, index) => index > first && !line.startsWith('|'));
  return lines.slice(first + 2, end).map((line) =>
    line
      .split('|')
      .slice(1, -1)
      .map((cell) => cell.trim()),
  );
}

const yesNo = (value: boolean) => (value ? 'yes' : 'no');

describe('README', () => {
  it('states the capabilities the provider declares', () => {
    const { flows, templates, rateLimits } = nxcloudCapabilities;
    const rows = Object.fromEntries(tableAfter('## Capabilities').map(([name, value]) => [name, value]));
    expect(rows).toEqual({
      'flows list includes status': yesNo(flows.list.includesStatus),
      'flows list reports a total': yesNo(flows.list.reportsTotal),
      'template list filters': templates.list.filters.map((filter) => `\`${filter}\``).join(', '),
      'template list includes components': yesNo(templates.list.includesComponents),
      'template get by id':
        templates.get.byId === 'scan' ? 'scan (the client pages through the list)' : 'native',
      'template delete scopes': (templates.delete?.scopes ?? [])
        .map((scope) => (scope === 'name' ? '`name` (every language of it)' : `\`${scope}\``))
        .join(', '),
      'default page size': String(flows.list.defaultPageSize),
      'maximum page size': String(flows.list.maxPageSize),
      'documented rate limits': Object.keys(rateLimits).length === 0 ? 'none' : expect.any(String),
    });
    expect(templates.list.defaultPageSize).toBe(flows.list.defaultPageSize);
    expect(templates.list.maxPageSize).toBe(flows.list.maxPageSize);
  });

  it("states Meta's codes as the adapter classifies them", () => {
    const stated = tableAfter("### Meta's errors")
      .filter(([codes]) => !codes!.startsWith('any other'))
      .flatMap(([codes, errorClass]) =>
        codes!
          .replace(/ \(.*\)$/, '')
          .split(', ')
          .flatMap((item) => {
            const range = /^(\d+)–(\d+)$/.exec(item);
            if (range) {
              const [first, last] = [Number(range[1]), Number(range[2])];
              return Array.from({ length: last - first + 1 }, (_, index) => `${first + index}`);
            }
            return [item.replace(/ with subcode /, '/')];
          })
          .map((code) => `${code} ${errorClass}`),
      );
    const classified = META_ERROR_RULES.flatMap((rule) =>
      rule.codes.map(
        (code) =>
          `${code}${rule.subcode === undefined ? '' : `/${rule.subcode}`} \`${rule.errorClass.name}\``,
      ),
    );
    expect(stated.sort()).toEqual(classified.sort());
  });

  it('states every option, with the environment variable core reads for it', () => {
    const rows = tableAfter('## Options').map(([option, , , environment]) => [option, environment]);
    const options = Object.keys(nxcloudOptionsSchema.unwrap().shape);
    expect(Object.fromEntries(rows)).toEqual(
      Object.fromEntries(
        options.map((option) => {
          const variable = adapter.environment[option];
          return [`\`${option}\``, variable === undefined ? '' : `\`${variable}\``];
        }),
      ),
    );
  });

  it('states the default operations', () => {
    const rows = tableAfter('### Operations').map(([name, path, action]) => [name, { path, action }]);
    expect(Object.fromEntries(rows)).toEqual(
      Object.fromEntries(
        Object.entries(NXCLOUD_DEFAULT_OPERATIONS).map(([name, operation]) => [
          `\`${name}\``,
          { path: `\`${operation.path}\``, action: `\`${operation.action}\`` },
        ]),
      ),
    );
  });
});
