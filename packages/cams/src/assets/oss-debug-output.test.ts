import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Emulator, startEmulator } from '@whatsapp-bsp/emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/*
 * ali-oss prints each request's headers, the STS token and the V4 signature among them, through
 * `debug('ali-oss')` when DEBUG names it (`DEBUG=*` does). The uploader switches those loggers off.
 * Each upload runs in a child process with DEBUG=* set from the start, as a user would set it; a
 * put through ali-oss directly is the control that shows the switch works.
 */

const CHILD = fileURLToPath(new URL('../../dist/__fixtures__/upload-debug-child.js', import.meta.url));
const CONTROL_TOKEN = 'CAIS-control-sts-token-0001';

let emulator: Emulator<'cams'>;

beforeAll(async () => {
  if (!existsSync(CHILD)) throw new Error(`${CHILD} is missing: run \`pnpm build\` first`);
  emulator = await startEmulator({ vendors: ['cams'] });
});
afterAll(() => emulator.close());

/** Runs one upload in a child with DEBUG=*; resolves to everything it printed, once it exited with 0. */
function uploadWithDebug(via: 'adapter' | 'ali-oss'): Promise<string> {
  const { config, oss } = emulator.cams;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CHILD, via, config.endpoint, oss.url], {
      env: {
        PATH: process.env.PATH,
        DEBUG: '*',
        TEST_ACCESS_KEY_ID: config.accessKeyId,
        TEST_ACCESS_KEY_SECRET: config.accessKeySecret,
        TEST_CUST_SPACE_ID: config.custSpaceId,
        TEST_CONTROL_TOKEN: CONTROL_TOKEN,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve(output) : reject(new Error(`exit ${code}: ${output}`)),
    );
  });
}

describe('DEBUG=* during an upload', () => {
  it('made ali-oss print the STS token and the signature (the control)', async () => {
    const output = await uploadWithDebug('ali-oss');

    expect(output).toContain(CONTROL_TOKEN);
    expect(output).toContain('OSS4-HMAC-SHA256 Credential=');
  });

  it('prints no token or signature of an upload through the adapter', async () => {
    const before = emulator.requests.count('cams', 'PutObject');

    const output = await uploadWithDebug('adapter');

    expect(emulator.cams.oss.objects.keys()).toContainEqual(expect.stringMatching(/-debug\.png$/));
    expect(emulator.requests.count('cams', 'PutObject')).toBe(before + 1);
    expect(output).not.toContain('x-oss-security-token');
    expect(output).not.toContain('OSS4-HMAC-SHA256');
  });
});
