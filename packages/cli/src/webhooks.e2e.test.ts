import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { type Emulator, emulatorEnvironment, startEmulator } from '@whatsapp-bsp/emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWabsp, WABSP_BIN, wabsp } from './__fixtures__/run-wabsp.js';

// `wabsp webhooks listen` as a user runs it: the emulator reviews a template and posts each vendor's
// callback; the listener prints the normalized event.

let emulator: Emulator;

beforeAll(async () => {
  if (!existsSync(WABSP_BIN)) throw new Error(`${WABSP_BIN} is missing: run \`pnpm build\` first`);
  emulator = await startEmulator({ data: { flows: 0, templates: 0 }, webhooks: { duplicateChance: 1 } });
});
afterAll(() => emulator?.close());

const LISTENING = /Listening for \w+ callbacks on (http:\/\/127\.0\.0\.1:\d+\/\w+)/;

describe('wabsp webhooks listen', () => {
  it('prints the review result of a template created on the emulator, for both vendors, once each', async () => {
    const nxcloud = startWabsp(
      ['webhooks', 'listen', '--port', '0'],
      emulatorEnvironment(emulator, 'nxcloud'),
    );
    const cams = startWabsp(['webhooks', 'listen', '--ndjson'], emulatorEnvironment(emulator, 'cams'));
    try {
      emulator.webhooks.register('nxcloud', (await nxcloud.waitFor('stderr', LISTENING))[1] as string);
      emulator.webhooks.register('cams', (await cams.waitFor('stderr', LISTENING))[1] as string);

      const template = emulator.review.submit({
        name: 'welcome_e2e',
        language: 'en_US',
        category: 'UTILITY',
        status: 'PENDING',
        components: [{ type: 'BODY', text: 'Welcome!' }],
      });
      expect(template.status).toBe('PENDING');

      const [line] = await nxcloud.waitFor('stdout', /^.*APPROVED.*$/m);
      expect(line).toMatch(
        /^\d{4}-\d\d-\d\dT[\d:.]+Z {2}nxcloud {2}template\.status {6}welcome_e2e en_US {2}APPROVED$/,
      );
      const [json] = await cams.waitFor('stdout', /^\{.*\}$/m);
      expect(JSON.parse(json)).toMatchObject({
        type: 'template.status',
        provider: 'cams',
        status: 'APPROVED',
        templateRef: { id: `${template.code}:en_US`, language: 'en_US' },
        raw: { TemplateCode: template.code, AuditStatus: 'pass' },
      });
      // Every callback came twice (duplicateChance 1); the receiver prints each event once.
      await emulator.webhooks.settled();
      expect(
        emulator.webhooks.deliveries().filter((delivery) => delivery.outcome === 'delivered'),
      ).toHaveLength(4);
      expect(nxcloud.stdout().trimEnd().split('\n')).toHaveLength(1);
      expect(cams.stdout().trimEnd().split('\n')).toHaveLength(1);
    } finally {
      expect(await nxcloud.stop()).toBe(0);
      expect(await cams.stop()).toBe(0);
    }
    expect(nxcloud.stderr()).toContain('stopped listening');
  });

  it('with --emulator, serves both vendors and tells how to create a template; the printed command works', async () => {
    const listener = startWabsp(['webhooks', 'listen', '--emulator', '--ndjson']);
    try {
      await listener.waitFor('stderr', /cams +http:\/\/127\.0\.0\.1:\d+\/cams/);
      const [hint] = await listener.waitFor('stderr', /^ {2}node -e .*$/m);
      const created = await runShell(hint.trim());
      expect(JSON.parse(created)).toMatchObject({ code: 0, data: { id: expect.any(String) } });

      await listener.waitFor('stdout', /"provider":"cams".*\n|\n.*"provider":"cams"/);
      await listener.waitFor('stdout', /"provider":"nxcloud"/);
      const events = listener
        .stdout()
        .trimEnd()
        .split('\n')
        .map((line) => JSON.parse(line));
      expect(
        events.map(({ provider, type, status }) => ({ provider, type, status })).sort(byProvider),
      ).toEqual([
        { provider: 'cams', type: 'template.status', status: 'APPROVED' },
        { provider: 'nxcloud', type: 'template.status', status: 'APPROVED' },
      ]);
      // The NXCloud callback passed the receiver's signature check.
      expect(listener.stderr()).not.toContain('callback refused');
    } finally {
      expect(await listener.stop()).toBe(0);
    }
  });

  it('refuses --json (a stream) and an unknown provider with --emulator, as usage errors', async () => {
    expect((await wabsp(['webhooks', 'listen', '--json', '--emulator'])).code).toBe(2);
    const unknown = await wabsp(['webhooks', 'listen', '--emulator', '--provider', 'viber']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('--provider must be nxcloud or cams');
  });
});

const byProvider = (a: { provider: string }, b: { provider: string }) => a.provider.localeCompare(b.provider);

/** Runs a command line as a newcomer pastes it into a POSIX shell; resolves with its output. */
function runShell(command: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('sh', ['-c', command], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`exit ${code}`))));
  });
}
