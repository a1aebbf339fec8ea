import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

/*
 * Alibaba's packages take tens of milliseconds to load, so they are loaded by the first request,
 * not by importing the adapter or creating a provider: a process that only parses CAMS callbacks
 * never loads them. Checked in a fresh process on the built package, as users load it.
 */

const BUNDLE = fileURLToPath(new URL('../dist/index.bundle.js', import.meta.url));

const CHILD = `
const { createRequire } = await import('node:module');
const { cams } = await import(process.argv[1]);
const { testCallContext } = await import('@whatsapp-bsp/core/testing');
const alibaba = () => Object.keys(createRequire(import.meta.url).cache).filter((path) => path.includes('@alicloud')).length;
const counts = { imported: alibaba() };
const provider = cams({ accessKeyId: 'LTAI5tImportCost', accessKeySecret: 'import-cost-secret', custSpaceId: 'cs', endpoint: '127.0.0.1:9', protocol: 'http' });
counts.created = alibaba();
await provider.flows.doGet({ id: 'f-1' }, testCallContext()).catch(() => undefined);
counts.called = alibaba();
console.log(JSON.stringify(counts));
`;

describe('importing @whatsapp-bsp/cams', () => {
  it('loads no Alibaba package until the first request', async () => {
    if (!existsSync(BUNDLE)) throw new Error(`${BUNDLE} is missing: run \`pnpm build\` first`);

    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--input-type=module', '-e', CHILD, BUNDLE],
      {
        cwd: fileURLToPath(new URL('..', import.meta.url)),
        env: { PATH: process.env.PATH },
      },
    );

    const counts = JSON.parse(stdout) as Record<string, number>;
    expect(counts).toMatchObject({ imported: 0, created: 0 });
    // The request (refused: nothing listens on port 9) loaded them, so the count above means something.
    expect(counts.called).toBeGreaterThan(0);
  });
});
