import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type ApplyItemResult,
  createClient,
  exportState,
  exportStateWithFacts,
  normalizeTemplateDraft,
  type Plan,
  planChanges,
  type StateFile,
  type TemplateDraft,
  type WhatsAppClient,
} from '@whatsapp-bsp/core';
import { startEmulator } from '@whatsapp-bsp/emulator';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { emulatorConfigFiles, type InProcessRun, runInProcess } from './__fixtures__/run-in-process.js';

// `wabsp export | plan | apply | migrate`, run in-process against emulators on loopback: NXCloud's
// seeded account (the vendors' documented examples and generated records) as the source, and an
// empty CAMS account as the target. Each test starts its own emulators.

let dir: string;
const running: { close(): Promise<void> }[] = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'wabsp-state-'));
});

afterEach(async () => {
  await Promise.all(running.splice(0).map((emulator) => emulator.close()));
});

async function accounts(options: { cams?: { templates?: number } } = {}) {
  const nxcloud = await startEmulator({ vendors: ['nxcloud'] });
  // Templates stay under review, as at Meta, for as long as a test runs.
  const cams = await startEmulator({
    vendors: ['cams'],
    data: { flows: 0, templates: options.cams?.templates ?? 0 },
    review: { delayMs: 600_000 },
  });
  running.push(nxcloud, cams);
  const files = await emulatorConfigFiles(await mkdtemp(join(dir, 'accounts-')), { nxcloud, cams });
  const clients = {
    nxcloud: await createClient({ provider: 'nxcloud', nxcloud: { ...nxcloud.nxcloud.config } }),
    cams: await createClient({ provider: 'cams', cams: { ...cams.cams.config } }),
  };
  return { nxcloud, cams, files, clients };
}

function json<T>(run: InProcessRun): T {
  return JSON.parse(run.stdout) as T;
}

const key = (item: { name: string; language?: string }) => `${item.name}/${item.language ?? ''}`;

/** A state file of the CAMS-compatible templates of an export, at most `count`. */
function templatesFor(state: StateFile, target: WhatsAppClient, count: number): StateFile {
  // With an empty flows section, templates whose FLOW buttons need a flow are unsupported.
  const plan = planChanges(
    { version: 1, templates: state.templates ?? [], flows: [] },
    { version: 1 },
    {
      provider: target.provider,
    },
  );
  const creatable = new Set(plan.create.map(key));
  const templates = (state.templates ?? []).filter((template) => creatable.has(key(template)));
  // The NXCloud seed writes some URL samples as the variable's value, which CAMS's wire refuses.
  const plain = templates.filter((template) => !urlSampleAsValue(template));
  return { version: 1, templates: plain.slice(0, count) };
}

function urlSampleAsValue(template: TemplateDraft): boolean {
  return template.components.some(
    (component) =>
      component.type === 'BUTTONS' &&
      component.buttons.some(
        (button) =>
          button.type === 'URL' &&
          button.url.includes('{{') &&
          button.example?.some((sample) => !sample.startsWith(button.url.slice(0, button.url.indexOf('{{')))),
      ),
  );
}

describe('wabsp export and plan', () => {
  it('exports a state file that plans no change at the same vendor, as YAML or JSON', async () => {
    const { files } = await accounts();
    const yamlFile = join(dir, 'export.yaml');
    const exported = await runInProcess(['--config', files.nxcloud, 'export', '--out', yamlFile]);
    expect(exported.code).toBe(0);
    expect(exported.stderr).toMatch(
      /^Exported \d+ templates and \d+ flows from nxcloud to .*export\.yaml\.$/m,
    );
    const fromYaml = parse(await readFile(yamlFile, 'utf8')) as StateFile;
    expect(fromYaml.version).toBe(1);
    expect(fromYaml.templates?.length).toBeGreaterThan(40);

    const asJson = await runInProcess(['--config', files.nxcloud, 'export', '--json']);
    expect(json<StateFile>(asJson)).toEqual(fromYaml);

    const plan = await runInProcess(['--config', files.nxcloud, 'plan', '-f', yamlFile]);
    expect(plan.code).toBe(0);
    expect(plan.stdout).toMatch(
      /^No changes on nxcloud\. 0 to create, 0 to update, 0 to delete, \d+ unchanged\.$/m,
    );
    expect(plan.stdout).not.toMatch(/^[+~!-] /m);
  }, 60_000);

  it('refuses a state file with mistakes, naming the file, line and path of each', async () => {
    const { files } = await accounts();
    const path = join(dir, 'mistakes.yaml');
    await writeFile(
      path,
      [
        'version: 1',
        'templates:',
        '  - name: order_update',
        '    language: en_US',
        '    category: PROMOTION',
        '    components:',
        '      - type: BODY',
        '        txet: Hello',
        'flows: []',
        '',
      ].join('\n'),
    );
    const run = await runInProcess(['--config', files.nxcloud, 'plan', '-f', path]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/mistakes\.yaml has 2 problems/);
    expect(run.stderr).toMatch(/mistakes\.yaml:5:15\s+templates\[0\]\.category\s+Invalid option/);
    expect(run.stderr).toMatch(
      /mistakes\.yaml:8:15\s+templates\[0\]\.components\[0\]\.txet\s+unknown key 'txet'/,
    );
    const asJson = await runInProcess(['--config', files.nxcloud, 'plan', '-f', path, '--json']);
    expect(JSON.parse(asJson.stderr)).toMatchObject({
      error: { name: 'StateFileError', issues: [{ path: 'templates[0].category', line: 5 }, { line: 8 }] },
    });
  }, 60_000);

  it('shows each change of an update, and what the vendor cannot do with where it is in the file', async () => {
    const { files, clients } = await accounts({ cams: { templates: 6 } });
    const { state, facts } = await exportStateWithFacts(clients.cams, { only: 'templates' });
    const edited = structuredClone(state);
    // CAMS edits only templates under review or rejected; an approved one's edit is unsupported.
    const editable = (template: { name: string; language: string }) =>
      facts.templateStatuses?.some(
        (entry) =>
          entry.name === template.name &&
          entry.language === template.language &&
          (entry.status === 'REJECTED' || entry.status === 'PENDING'),
      );
    const target = edited.templates!.find(
      (template) => template.category !== 'AUTHENTICATION' && editable(template),
    )!;
    const body = target.components.find((component) => component.type === 'BODY') as { text: string };
    body.text = 'A new text for this template.';
    edited.templates!.push({
      name: 'animated_offer',
      language: 'en',
      category: 'MARKETING',
      components: [
        { type: 'HEADER', format: 'GIF', example: { headerUrl: 'https://shop.example/a.gif' } },
        { type: 'BODY', text: 'Our spring sale starts today.' },
      ],
    });
    const path = join(dir, 'edited.json');
    await writeFile(path, JSON.stringify(edited, null, 2));
    const run = await runInProcess(['--config', files.cams, 'plan', '-f', path]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      `~ template ${target.name} (${target.language})\n    components[BODY].text: `,
    );
    // A long old text is cut short (with …) so that the line stays readable.
    expect(run.stdout).toMatch(
      /^ {4}components\[BODY\]\.text: ".*(" |… )→ "A new text for this template\."$/m,
    );
    expect(run.stdout).toMatch(
      /^! template animated_offer \(en\) cannot be created here\n {4}VENDOR_HEADER_FORMAT_UNSUPPORTED at components\[0\]\.format: CAMS cannot carry a GIF header\. \(.*edited\.json:\d+\)$/m,
    );
    expect(run.stdout).toMatch(
      /^Plan on cams: 0 to create, 1 to update, 0 to delete, 1 unsupported, 5 unchanged\.$/m,
    );
    const asJson = json<Plan>(await runInProcess(['--config', files.cams, 'plan', '-f', path, '--json']));
    expect(asJson.provider).toBe('cams');
    expect(asJson.unsupported.map((item) => item.name)).toEqual(['animated_offer']);
  }, 60_000);
});

describe('wabsp migrate', () => {
  it('creates at CAMS every template and flow of NXCloud that CAMS can hold, and a second run plans nothing', async () => {
    const { files, clients } = await accounts();
    const run = await runInProcess(['migrate', '--from', files.nxcloud, '--to', files.cams, '--json']);
    const first = json<{ from: string; to: string; plan: Plan; report: { items: ApplyItemResult[] } }>(run);
    expect([first.from, first.to]).toEqual(['nxcloud', 'cams']);
    const unsupported = new Set(first.plan.unsupported.map(key));
    // Everything CAMS cannot hold is listed in the plan before anything is sent: no item fails,
    // not even one the adapter would refuse before sending. Any failure shows here with its error.
    expect(first.report.items.filter((item) => item.status === 'failed')).toEqual([]);
    expect(run.code).toBe(0);

    const source = await exportState(clients.nxcloud);
    const target = await exportState(clients.cams);
    const targetTemplates = new Map((target.templates ?? []).map((template) => [key(template), template]));
    let compared = 0;
    for (const template of source.templates ?? []) {
      if (unsupported.has(key(template))) {
        expect(targetTemplates.has(key(template))).toBe(false);
        continue;
      }
      const copy = targetTemplates.get(key(template)) as TemplateDraft;
      expect(copy, key(template)).toBeDefined();
      expect(normalizeTemplateDraft(copy), key(template)).toEqual(normalizeTemplateDraft(template));
      compared++;
    }
    expect(compared).toBeGreaterThan(30);
    const targetFlows = new Map((target.flows ?? []).map((flow) => [flow.name, flow]));
    let flowsCompared = 0;
    for (const flow of source.flows ?? []) {
      if (unsupported.has(key(flow))) continue;
      const copy = targetFlows.get(flow.name);
      expect(copy, flow.name).toBeDefined();
      expect([...copy!.categories].sort(), flow.name).toEqual([...flow.categories].sort());
      expect(copy!.status, flow.name).toBe(flow.status);
      expect(copy!.flowJson, flow.name).toEqual(flow.flowJson);
      if (flow.endpointUri !== undefined) expect(copy!.endpointUri, flow.name).toBe(flow.endpointUri);
      flowsCompared++;
    }
    expect(flowsCompared + [...unsupported].filter((item) => item.endsWith('/')).length).toBe(
      source.flows?.length,
    );
    expect(flowsCompared).toBeGreaterThan(20);

    const again = await runInProcess(['migrate', '--from', files.nxcloud, '--to', files.cams, '--json']);
    const second = json<{ plan: Plan }>(again);
    expect([...second.plan.create, ...second.plan.update]).toEqual([]);
    expect(second.plan.unchanged.length).toBe(compared + (target.flows?.length ?? 0));
  }, 180_000);

  it('moves flows with their Flow JSON and status, and templates with FLOW buttons, to another NXCloud account', async () => {
    const source = await startEmulator({ vendors: ['nxcloud'] });
    const target = await startEmulator({ vendors: ['nxcloud'], data: { flows: 0, templates: 0 } });
    running.push(source, target);
    const from = await emulatorConfigFiles(await mkdtemp(join(dir, 'from-')), { nxcloud: source });
    const to = await emulatorConfigFiles(await mkdtemp(join(dir, 'to-')), { nxcloud: target });
    const run = await runInProcess(['migrate', '--from', from.nxcloud, '--to', to.nxcloud]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Applied on nxcloud: \d+ created, 0 updated, 0 deleted, 0 failed\.$/m);

    const read = async (emulator: typeof source) =>
      exportState(await createClient({ provider: 'nxcloud', nxcloud: { ...emulator.nxcloud.config } }));
    const [original, copy] = await Promise.all([read(source), read(target)]);
    const plan = planChanges(original, copy);
    expect([...plan.create, ...plan.update]).toEqual([]);
    // Deprecated flows are not created again; the seed's one template that breaks WhatsApp's rules cannot be.
    const deprecated = (original.flows ?? []).filter((flow) => flow.status === 'DEPRECATED');
    expect(deprecated.length).toBeGreaterThan(0);
    expect(plan.unsupported.map((item) => [item.kind, item.name]).sort()).toEqual(
      [...deprecated.map((flow) => ['flow', flow.name]), ['template', 'normal_text3']].sort(),
    );
    const published = (copy.flows ?? []).filter((flow) => flow.status === 'PUBLISHED');
    expect(published.length).toBeGreaterThan(5);
    expect(published.every((flow) => flow.flowJson !== undefined)).toBe(true);
    const withFlowButtons = (copy.templates ?? []).filter((template) =>
      JSON.stringify(template).includes('"flowName"'),
    );
    expect(withFlowButtons.length).toBeGreaterThan(0);

    const again = await runInProcess(['migrate', '--from', from.nxcloud, '--to', to.nxcloud, '--dry-run']);
    expect(again.stdout).toMatch(
      /^No changes on nxcloud\. 0 to create, 0 to update, 0 to delete, \d+ unsupported, \d+ unchanged\.$/m,
    );
  }, 60_000);

  it('with --dry-run shows the plan, unsupported items included, and sends nothing', async () => {
    const { files, cams } = await accounts();
    const run = await runInProcess(['migrate', '--from', files.nxcloud, '--to', files.cams, '--dry-run']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^\+ template /m);
    expect(run.stdout).toMatch(/^! template .+ cannot be created here$/m);
    expect(run.stdout).toMatch(
      /^Plan on cams: \d+ to create, 0 to update, 0 to delete, \d+ unsupported, 0 unchanged\.$/m,
    );
    expect(cams.requests.count('cams', 'CreateChatappTemplate')).toBe(0);
  }, 60_000);
});

describe('wabsp apply', () => {
  it('deletes only with --prune and a confirmation: --yes, or a person at the terminal', async () => {
    const { files, clients, cams } = await accounts({ cams: { templates: 6 } });
    const current = await exportState(clients.cams, { only: 'templates' });
    const kept: StateFile = { version: 1, templates: current.templates!.slice(0, 2) };
    const path = join(dir, 'kept.yaml');
    await writeFile(path, JSON.stringify(kept));

    const withoutPrune = await runInProcess(['--config', files.cams, 'apply', '-f', path]);
    expect(withoutPrune.code).toBe(0);
    expect(withoutPrune.stdout).toMatch(/^No changes on cams\./m);

    const noTerminal = await runInProcess(['--config', files.cams, 'apply', '-f', path, '--prune']);
    expect(noTerminal.code).toBe(2);
    expect(noTerminal.stderr).toMatch(
      /Delete \d+ templates on cams\? Not on a terminal: pass --yes to confirm\./,
    );
    let asked = '';
    const declined = await runInProcess(['--config', files.cams, 'apply', '-f', path, '--prune'], {
      confirm: async (question) => {
        asked = question;
        return false;
      },
    });
    expect(declined.code).toBe(1);
    expect(asked).toMatch(/^Delete \d+ templates on cams\?$/);
    expect(cams.requests.count('cams', 'DeleteChatappTemplate')).toBe(0);

    const confirmed = await runInProcess(['--config', files.cams, 'apply', '-f', path, '--prune', '--yes']);
    expect(confirmed.code).toBe(0);
    expect(confirmed.stdout).toMatch(/^Applied on cams: 0 created, 0 updated, \d+ deleted, 0 failed\.$/m);
    const after = await exportState(clients.cams, { only: 'templates' });
    expect(after.templates?.map(key).sort()).toEqual(kept.templates!.map(key).sort());
  }, 60_000);

  it('stops cleanly when interrupted, and a second apply finishes without duplicates', async () => {
    const { files, clients, cams } = await accounts();
    const state = templatesFor(await exportState(clients.nxcloud, { only: 'templates' }), clients.cams, 16);
    const path = join(dir, 'interrupted.json');
    await writeFile(path, JSON.stringify(state));
    let stop: () => void = () => {};
    const stopped = new Promise<void>((resolve) => {
      stop = resolve;
    });
    const first = await runInProcess(['--config', files.cams, 'apply', '-f', path, '--concurrency', '2'], {
      stop: stopped,
      stderrIsTerminal: true,
      // Ctrl-C once the progress bar shows five items done.
      onStderr: (text) => {
        const done = /\] (\d+)\/\d+ /.exec(text);
        if (done && Number(done[1]) >= 5) stop();
      },
    });
    expect(first.code).toBe(1);
    expect(first.stdout).toMatch(/^Stopped before the end: plan and apply again to finish\.$/m);
    expect(first.stdout).toMatch(/: not attempted$/m);
    const afterStop = await exportState(clients.cams, { only: 'templates' });
    expect(afterStop.templates?.length).toBeGreaterThanOrEqual(3);
    expect(afterStop.templates?.length).toBeLessThan(16);

    const second = await runInProcess(['--config', files.cams, 'apply', '-f', path]);
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(
      new RegExp(
        `^Applied on cams: ${16 - afterStop.templates!.length} created, 0 updated, 0 deleted, 0 failed\\.`,
        'm',
      ),
    );
    // A create stopped in flight either reached CAMS (and is found there) or did not (and is sent
    // now): each template was asked for once.
    expect(cams.requests.count('cams', 'CreateChatappTemplate')).toBe(16);
    const after = await exportState(clients.cams, { only: 'templates' });
    expect(after.templates?.map(key).sort()).toEqual(state.templates!.map(key).sort());
    const plan = await runInProcess(['--config', files.cams, 'plan', '-f', path]);
    expect(plan.stdout).toMatch(/^No changes on cams\./m);
  }, 60_000);

  it('reports each item a fault made fail, carries on, and a second apply finishes without duplicates', async () => {
    const { files, clients, cams } = await accounts();
    const state = templatesFor(await exportState(clients.nxcloud, { only: 'templates' }), clients.cams, 12);
    const path = join(dir, 'faults.json');
    await writeFile(path, JSON.stringify(state));
    let injected = false;
    const first = await runInProcess(
      ['--config', files.cams, 'apply', '-f', path, '--concurrency', '1', '--json'],
      {
        stderrIsTerminal: true,
        onStderr: (text) => {
          if (injected || !/\] 4\/\d+ /.test(text)) return;
          injected = true;
          // Mid-run: a lost connection (the client finds out whether the create was applied), then
          // refusals in CAMS's own words, more than the client's retries absorb.
          cams.faults.add({ vendor: 'cams', operation: 'CreateChatappTemplate', kind: 'reset', times: 1 });
          cams.faults.add({
            vendor: 'cams',
            operation: 'CreateChatappTemplate',
            kind: 'vendor-error',
            times: 4,
          });
        },
      },
    );
    expect(injected).toBe(true);
    expect(first.code).toBe(1);
    const report = json<{ report: { items: ApplyItemResult[]; counts: Record<string, number> } }>(
      first,
    ).report;
    const failed = report.items.filter((item) => item.status === 'failed');
    // The client retries CAMS's InternalError; once its attempts run out, the item fails with it.
    expect(failed.length).toBeGreaterThan(0);
    for (const item of failed) {
      expect(item.error).toMatchObject({
        name: 'ProviderUnavailableError',
        provider: 'cams',
        vendorCode: 'InternalError',
      });
    }
    expect((report.counts.created ?? 0) + (report.counts.failed ?? 0)).toBe(12);

    const second = await runInProcess(['--config', files.cams, 'apply', '-f', path]);
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(
      new RegExp(`^Applied on cams: ${failed.length} created, 0 updated, 0 deleted, 0 failed\\.`, 'm'),
    );
    const after = await exportState(clients.cams, { only: 'templates' });
    expect(after.templates?.map(key).sort()).toEqual(state.templates!.map(key).sort());
    expect(new Set(after.templates?.map(key)).size).toBe(after.templates?.length);
  }, 60_000);
});
