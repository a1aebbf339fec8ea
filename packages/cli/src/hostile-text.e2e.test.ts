import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Emulator, emulatorEnvironment, startEmulator } from '@whatsapp-bsp/emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actsOnTerminal, HOSTILE_TEXTS } from './__fixtures__/hostile-texts.js';
import { type Run, wabsp } from './__fixtures__/run-wabsp.js';

// Vendor text that would act on a terminal goes through the built command, against an emulator
// seeded with it and a vendor that answers errors with it; none of it may reach the terminal.

const VENDORS = ['nxcloud', 'cams'] as const;
const everything = HOSTILE_TEXTS.map(([, text]) => text).join(' ');
const named = (index: number, text: string) => `t${index}_${text}`;
/** What a list shows of a name: one line, line breaks as spaces. */
const oneLine = (text: string) => text.replace(/\s*\n\s*/g, ' ');

let emulator: Emulator;
let vendor: Server;
let runs = 0;

/**
 * Runs the command and checks that nothing in its output acts on a terminal. JSON output keeps
 * the vendor's text as data, escaped; human output drops what a terminal would act on, and with
 * it what such a sequence carries (the PWNED window titles).
 */
async function run(args: string[], env: Record<string, string>): Promise<Run> {
  const result = await wabsp(args, env);
  runs++;
  const where = args.join(' ');
  expect(actsOnTerminal(result.stdout), `stdout of ${where}`).toBe(false);
  expect(actsOnTerminal(result.stderr), `stderr of ${where}`).toBe(false);
  if (!args.includes('--json') && !args.includes('--ndjson')) {
    expect(result.stdout + result.stderr, where).not.toContain('PWNED');
  }
  return result;
}

beforeAll(async () => {
  emulator = await startEmulator({ data: { flows: 0, templates: 0 } });
  HOSTILE_TEXTS.forEach(([, text], index) => {
    emulator.store.flows.add({
      id: String(900_000 + index),
      name: named(index, text),
      status: 'PUBLISHED',
      categories: ['OTHER'],
      validationErrors: [{ message: `error ${text}` }],
      application: { id: '1', name: `app ${text}` },
    });
    emulator.store.templates.add({
      name: named(index, text),
      language: 'en_US',
      category: 'MARKETING',
      status: 'APPROVED',
      rejectedReason: 'NONE',
      components: [
        { type: 'HEADER', format: 'TEXT', text: `header ${text}` },
        { type: 'BODY', text: `body {{1}} ${text}`, example: [everything] },
        { type: 'FOOTER', text: `footer ${text}` },
        {
          type: 'BUTTONS',
          buttons: [
            { type: 'QUICK_REPLY', text: `reply ${text}` },
            { type: 'URL', text: `link ${text}`, url: 'https://shop.example.com/p/{{1}}', example: text },
            { type: 'PHONE_NUMBER', text: `call ${text}`, phoneNumber: `+1555${text}` },
          ],
        },
      ],
    });
  });
  // A vendor whose error answers carry the same text.
  vendor = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      const cams = request.headers['x-acs-action'] !== undefined;
      response.writeHead(cams ? 400 : 200, { 'content-type': 'application/json' });
      response.end(
        JSON.stringify(
          cams
            ? { RequestId: everything, Code: 'Forbidden.RAM', Message: everything }
            : { code: 1005, message: everything, data: null },
        ),
      );
    });
  });
  await new Promise<void>((resolve) => vendor.listen(0, '127.0.0.1', resolve));
});

afterAll(async () => {
  await emulator?.close();
  await new Promise((resolve) => vendor?.close(resolve));
  // The count quoted in docs/reliability.md.
  console.log(
    `wabsp: ${runs} runs with ${HOSTILE_TEXTS.length} kinds of hostile text: 0 terminal controls shown`,
  );
});

const envFor = (name: (typeof VENDORS)[number]) => emulatorEnvironment(emulator, name);

describe('vendor text on the terminal', () => {
  for (const name of VENDORS) {
    it(`${name}: lists, tables and the bubble show the text without what would act on a terminal`, {
      timeout: 60_000,
    }, async () => {
      const env = { ...envFor(name), WABSP_RETRY_MAX_ATTEMPTS: '1' };
      const templates = await run(['templates', 'list'], env);
      const flows = await run(['flows', 'list'], env);
      expect(templates.code).toBe(0);
      expect(flows.code).toBe(0);
      HOSTILE_TEXTS.forEach(([kind, , shown], index) => {
        expect(templates.stdout, kind).toContain(oneLine(named(index, shown)));
        expect(flows.stdout, kind).toContain(oneLine(named(index, shown)));
      });
      // The table has a header and one row per template: no name starts a row of its own.
      expect(templates.stdout.trimEnd().split('\n')).toHaveLength(HOSTILE_TEXTS.length + 1);

      const id = String(900_000);
      const flow = await run(['flows', 'get', id], env);
      expect(flow.code).toBe(0);
      expect(flow.stdout).toMatch(/^name\s+t0_ab$/m);

      const listed = JSON.parse((await run(['templates', 'list', '--json'], env)).stdout) as Array<{
        id: string;
        name: string;
      }>;
      expect(listed.map((template) => template.name)).toEqual(
        HOSTILE_TEXTS.map(([, text], index) => named(index, text)),
      );
      for (const template of listed.slice(0, 3)) {
        const bubble = await run(['templates', 'get', '--id', template.id], env);
        expect(bubble.code).toBe(0);
        expect(bubble.stdout).toContain('https://shop.example.com/p/');
      }
      const ndjson = await run(['flows', 'list', '--ndjson'], env);
      expect(
        ndjson.stdout
          .trimEnd()
          .split('\n')
          .map((line) => JSON.parse(line).name),
      ).toEqual(HOSTILE_TEXTS.map(([, text], index) => named(index, text)));
    });

    it(`${name}: a vendor's error message is shown without what would act on a terminal`, {
      timeout: 60_000,
    }, async () => {
      const { port } = vendor.address() as AddressInfo;
      const env: Record<string, string> = { ...envFor(name), WABSP_RETRY_MAX_ATTEMPTS: '1' };
      if (name === 'nxcloud') env.NXCLOUD_BASE_URL = `http://127.0.0.1:${port}`;
      else env.CAMS_ENDPOINT = `127.0.0.1:${port}`;
      const human = await run(['flows', 'get', '900000'], env);
      expect(human.code).toBe(1);
      expect(human.stderr).toContain('ab');
      const json = await run(['flows', 'get', '900000', '--json'], env);
      expect(json.code).toBe(1);
      expect(JSON.stringify(JSON.parse(json.stderr))).toContain(JSON.stringify(everything).slice(1, -1));
    });
  }

  it('arguments echoed in usage and configuration errors are shown the same way', {
    timeout: 60_000,
  }, async () => {
    const text = HOSTILE_TEXTS[0]![1];
    const unknown = await run([text, 'list'], {});
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("Unknown command 'ab list'");
    const config = await run(['flows', 'list', '--config', `/nonexistent/${text}.json`], {});
    expect(config.code).toBe(2);
    expect(config.stderr).toContain('/nonexistent/ab.json');
  });
});
