import { existsSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CONTRACT_FLOW_JSON } from '@whatsapp-bsp/core/testing';
import { type Emulator, startEmulator } from '@whatsapp-bsp/emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WABSP_BIN as bin, wabsp } from './__fixtures__/run-wabsp.js';

// The write commands, run as a user runs them (the built command, no terminal attached) against
// an emulator on loopback. Drafts are built to Meta's template shape as the README shows it.

let emulator: Emulator;
let dir: string;
const env: Record<'nxcloud' | 'cams', Record<string, string>> = { nxcloud: {}, cams: {} };

const DRAFT = {
  name: 'cli_order_update',
  language: 'en_US',
  category: 'UTILITY',
  components: [
    { type: 'BODY', text: 'Hi {{1}}, order {{2}} has shipped.', example: { bodyText: [['Ana', '#1042']] } },
    { type: 'FOOTER', text: 'Reply STOP to opt out' },
  ],
};

const YAML_DRAFT = `# a draft in YAML
name: cli_yaml_welcome
language: en_US
category: MARKETING
components:
  - type: BODY
    text: Welcome aboard, {{1}}!
    example:
      bodyText: [[Ana]]
`;

const BAD_YAML_DRAFT = `name: Bad Name
language: en_US
category: UTILITY
components:
  - type: BODY
    text: "{{1}} starts with a variable"
`;

/** A Flow JSON that passes offline validation: one terminal screen whose Footer completes it. */
const FLOW_JSON = CONTRACT_FLOW_JSON;

beforeAll(async () => {
  if (!existsSync(bin)) throw new Error(`${bin} is missing: run \`pnpm build\` first`);
  emulator = await startEmulator({ review: { delayMs: 60_000 } });
  const nx = emulator.nxcloud.config;
  env.nxcloud = {
    WABSP_PROVIDER: 'nxcloud',
    NXCLOUD_ACCESS_KEY: nx.accessKey,
    NXCLOUD_ACCESS_SECRET: nx.accessSecret,
    NXCLOUD_APP_KEY: nx.appKey,
    NXCLOUD_BUSINESS_PHONE: nx.businessPhone,
    NXCLOUD_BASE_URL: nx.baseUrl,
  };
  const cams = emulator.cams.config;
  env.cams = {
    WABSP_PROVIDER: 'cams',
    ALIBABA_CLOUD_ACCESS_KEY_ID: cams.accessKeyId,
    ALIBABA_CLOUD_ACCESS_KEY_SECRET: cams.accessKeySecret,
    CAMS_CUST_SPACE_ID: cams.custSpaceId,
    CAMS_ENDPOINT: cams.endpoint,
    CAMS_PROTOCOL: cams.protocol,
  };
  dir = await mkdtemp(join(tmpdir(), 'wabsp-writes-'));
});

afterAll(async () => {
  await emulator?.close();
});

async function file(name: string, text: string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, text);
  return path;
}

describe('templates validate', () => {
  it('lists every problem with file, line and column, and exits 1', async () => {
    const path = await file('bad.yaml', BAD_YAML_DRAFT);
    const run = await wabsp(['templates', 'validate', '-f', path]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`${path}:1:7`); // the name's value
    expect(run.stdout).toMatch(/error\s+NAME_/);
    const json = await wabsp(['templates', 'validate', '-f', path, '--json']);
    expect(json.code).toBe(1);
    const issues = JSON.parse(json.stdout).issues as { code: string; severity: string }[];
    expect(issues.length).toBeGreaterThanOrEqual(2);
    expect(issues.every((issue) => typeof issue.code === 'string')).toBe(true);
  });

  it('exits 0 for a good draft, and applies a vendor rule set with --provider', async () => {
    const path = await file('good.json', JSON.stringify(DRAFT));
    expect((await wabsp(['templates', 'validate', '-f', path])).code).toBe(0);
    expect((await wabsp(['templates', 'validate', '-f', path, '--provider', 'cams'])).code).toBe(0);
    const unknown = await wabsp(['templates', 'validate', '-f', path, '--provider', 'acme']);
    expect(unknown.code).toBe(2);
  });

  it('names the file, line and column of a syntax error', async () => {
    const path = await file('broken.json', '{ "name": "x",\n  "language": }');
    const run = await wabsp(['templates', 'validate', '-f', path]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${path}:2:`);
  });
});

describe.each(['nxcloud', 'cams'] as const)('template writes on %s', (vendor) => {
  it('creates from JSON and YAML, refuses a bad draft without sending, and deletes with --yes', async () => {
    const name = `${DRAFT.name}_${vendor}`;
    const json = await file(`${vendor}.json`, JSON.stringify({ ...DRAFT, name }));
    const created = await wabsp(['templates', 'create', '-f', json, '--json'], env[vendor]);
    expect(created.code, created.stderr).toBe(0);
    expect(JSON.parse(created.stdout)).toMatchObject({ name, language: 'en_US', status: 'PENDING' });

    const yaml = await file(`${vendor}.yaml`, YAML_DRAFT.replace('cli_yaml_welcome', `cli_yaml_${vendor}`));
    const fromYaml = await wabsp(['templates', 'create', '-f', yaml], env[vendor]);
    expect(fromYaml.code, fromYaml.stderr).toBe(0);
    expect(fromYaml.stdout).toMatch(/^status\s+PENDING$/m);

    const before = emulator.requests.total;
    const bad = await file(`${vendor}-bad.yaml`, BAD_YAML_DRAFT);
    const refused = await wabsp(['templates', 'create', '-f', bad], env[vendor]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('TemplateValidationError');
    expect(refused.stderr).toContain(`${bad}:1:7`); // every issue, placed in the file
    expect(emulator.requests.total).toBe(before);

    const dry = await wabsp(['templates', 'create', '-f', json, '--dry-run'], env[vendor]);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('Nothing was sent');
    expect(emulator.requests.total).toBe(before);

    const scope = vendor === 'cams' ? ['--name', name, '--language', 'en_US'] : ['--name', name];
    const unconfirmed = await wabsp(['templates', 'delete', ...scope], env[vendor]);
    expect(unconfirmed.code).toBe(2);
    expect(unconfirmed.stderr).toContain('--yes');
    expect(await exists(vendor, name)).toBe(true);

    const deleted = await wabsp(['templates', 'delete', ...scope, '--yes'], env[vendor]);
    expect(deleted.code, deleted.stderr).toBe(0);
    expect(deleted.stdout).toContain(`deleted ${name}`);
    expect(await exists(vendor, name)).toBe(false);
  });

  it('uploads a header sample and prints what a draft takes', async () => {
    const path = await file(`${vendor}.png`, '\u0089PNG\r\n\u001a\nsample');
    const run = await wabsp(['templates', 'upload-media', path, '--json'], env[vendor]);
    expect(run.code, run.stderr).toBe(0);
    const media = JSON.parse(run.stdout);
    expect(vendor === 'nxcloud' ? media.handle : media.url).toEqual(expect.any(String));
  });
});

async function exists(vendor: 'nxcloud' | 'cams', name: string): Promise<boolean> {
  const run = await wabsp(['templates', 'list', '--name', name, '--json'], env[vendor]);
  return (JSON.parse(run.stdout) as unknown[]).length > 0;
}

describe.each(['nxcloud', 'cams'] as const)('flow writes on %s', (vendor) => {
  it('creates a flow with its Flow JSON, reads the JSON back, publishes with --yes and refuses to delete it', async () => {
    const path = await file(`${vendor}-flow.json`, FLOW_JSON);
    const name = `cli flow ${vendor}`;
    const created = await wabsp(
      ['flows', 'create', '--name', name, '--categories', 'sign_up,other', '-f', path, '--json'],
      env[vendor],
    );
    expect(created.code, created.stderr).toBe(0);
    const flow = JSON.parse(created.stdout) as { id: string; status: string; name: string };
    expect(flow).toMatchObject({ name, status: 'DRAFT' });

    const json = await wabsp(['flows', 'get-json', flow.id], env[vendor]);
    expect(json.code, json.stderr).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual(JSON.parse(FLOW_JSON));

    const unconfirmed = await wabsp(['flows', 'publish', flow.id], env[vendor]);
    expect(unconfirmed.code).toBe(2);
    const published = await wabsp(['flows', 'publish', flow.id, '--yes'], env[vendor]);
    expect(published.code, published.stderr).toBe(0);

    const refused = await wabsp(['flows', 'delete', flow.id, '--yes'], env[vendor]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('ConflictError');
  });

  it('refuses an invalid Flow JSON with its line and column, sending nothing', async () => {
    const broken = FLOW_JSON.replace('"terminal": true', '"terminal": "yes"');
    const path = await file(`${vendor}-broken.json`, broken);
    const validate = await wabsp(['flows', 'validate', '-f', path]);
    expect(validate.code).toBe(1);
    expect(validate.stdout).toMatch(new RegExp(`${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+`));
    const before = emulator.requests.total;
    const update = await wabsp(['flows', 'update-json', '1234567890', '-f', path], env[vendor]);
    expect(update.code).toBe(2); // refused before sending
    expect(update.stdout).toContain('Nothing was sent');
    expect(emulator.requests.total).toBe(before);
  });
});

describe('inputs and answers at the edges', () => {
  it('reads a file that starts with a byte order mark, and refuses a YAML file as a Flow JSON', async () => {
    const bom = await file('bom.json', `\uFEFF${JSON.stringify(DRAFT)}`);
    expect((await wabsp(['templates', 'validate', '-f', bom])).code).toBe(0);
    const flowBom = await file('flow-bom.json', `\uFEFF${FLOW_JSON}`);
    expect((await wabsp(['flows', 'validate', '-f', flowBom])).code).toBe(0);
    const yaml = await file('flow.yaml', 'version: "7.2"\nscreens: []\n');
    const refused = await wabsp(['flows', 'validate', '-f', yaml]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('a Flow JSON is a JSON file');
  });

  it('refuses a YAML file with an unknown tag, and reads merge keys', async () => {
    const tagged = await file(
      'tagged.yaml',
      YAML_DRAFT.replace('category: MARKETING', 'category: !custom MARKETING'),
    );
    expect((await wabsp(['templates', 'validate', '-f', tagged])).code).toBe(2);
    const merged = await file(
      'merged.yaml',
      `base: &base\n  language: en_US\n  category: MARKETING\n${YAML_DRAFT.replace('language: en_US\ncategory: MARKETING\n', '<<: *base\n')}`,
    );
    const run = await wabsp(['templates', 'validate', '-f', merged, '--json']);
    // The merge worked: the only problem left is the unknown `base` key.
    expect(JSON.parse(run.stdout).issues.map((issue: { path: string }) => issue.path)).not.toContain(
      'category',
    );
  });

  it('applies the vendor named by the environment to templates validate', async () => {
    const conflicting = await file(
      'conflict.json',
      JSON.stringify({
        ...DRAFT,
        components: [
          { type: 'HEADER', format: 'TEXT', text: 'Order {{1}}', example: { headerText: ['#1042'] } },
          ...DRAFT.components,
        ],
      }),
    );
    expect((await wabsp(['templates', 'validate', '-f', conflicting])).code).toBe(0);
    const cams = await wabsp(['templates', 'validate', '-f', conflicting], { WABSP_PROVIDER: 'cams' });
    expect(cams.code).toBe(1);
    expect(cams.stdout).toContain('VENDOR_SAMPLE_CONFLICT');
  });

  it('refuses an update file that names another template, instead of dropping the name', async () => {
    const path = await file('rename.json', JSON.stringify({ ...DRAFT, name: 'another_name' }));
    const run = await wabsp(
      ['templates', 'update', '--name', DRAFT.name, '--language', 'en_US', '-f', path],
      env.nxcloud,
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("cannot change a template's name");
  });

  it('refuses a delete scope the vendor lacks before reading or asking, and says when nothing matches', async () => {
    const before = emulator.requests.total;
    const scope = await wabsp(
      ['templates', 'delete', '--name', 'x', '--language', 'en_US', '--yes'],
      env.nxcloud,
    );
    expect(scope.code).toBe(2);
    expect(scope.stderr).toContain('every language');
    expect(emulator.requests.total).toBe(before);
    const missing = await wabsp(['templates', 'delete', '--name', 'no_such_template', '--yes'], env.nxcloud);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('NotFoundError');
  });

  it('says a vendor refusal is the vendor’s (exit 1), and a file it cannot write is a usage error', async () => {
    const created = await wabsp(
      ['flows', 'create', '--name', 'edge flow', '--categories', 'OTHER', '--json'],
      env.cams,
    );
    const { id } = JSON.parse(created.stdout) as { id: string };
    const deprecate = await wabsp(['flows', 'deprecate', id, '--yes'], env.cams);
    expect(deprecate.code).toBe(1);
    expect(deprecate.stderr).toContain('ConflictError');
    const published = await wabsp(['flows', 'publish', id, '--yes'], env.cams);
    expect(published.stdout).toContain(`published flow ${id}`);
    const out = await wabsp(['flows', 'get-json', id, '--out', dir], env.cams);
    expect(out.code).toBe(2);
    expect(out.stderr).toContain(`Cannot write ${dir}`);
    expect(out.stderr).not.toMatch(/\n\s+at /);
  });
});
