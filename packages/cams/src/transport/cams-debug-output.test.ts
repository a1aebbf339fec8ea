import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getFlowExampleBody } from '../__fixtures__/get-flow.js';

/*
 * Alibaba's HTTP layer (httpx) prints every request's headers, the signature and the STS token
 * among them, when DEBUG names it (`DEBUG=*` does). The adapter no longer sends through it. Each
 * call runs in a child process with DEBUG=* set from the start, as a user would set it; the call
 * through openapi-client is the control that shows the switch works.
 */

const CHILD = fileURLToPath(new URL('../../dist/__fixtures__/debug-child.js', import.meta.url));
const KEYS = {
  TEST_ACCESS_KEY_ID: 'LTAI5tDebugOutputTest',
  TEST_ACCESS_KEY_SECRET: 'DebugOutputSecret0123456789abcdef',
  TEST_SECURITY_TOKEN: 'CAIS-debug-output-sts-token-0001',
};

const signatures: string[] = [];
const server = createServer((request, response) => {
  const signature = /Signature=([0-9a-f]{64})/.exec(request.headers.authorization ?? '')?.[1];
  if (signature !== undefined) signatures.push(signature);
  request.resume();
  response.writeHead(200, { 'content-type': 'application/json' }).end(getFlowExampleBody);
});

beforeAll(async () => {
  if (!existsSync(CHILD)) throw new Error(`${CHILD} is missing: run \`pnpm build\` first`);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** Runs one call in a child with DEBUG=*; resolves to everything it printed, once it exited with 0. */
function callWithDebug(via: 'adapter' | 'openapi-client'): Promise<string> {
  const endpoint = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CHILD, via, endpoint], {
      env: { PATH: process.env.PATH, DEBUG: '*', ...KEYS },
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

describe('DEBUG=*', () => {
  it('made openapi-client print the STS token and the signature (the control)', async () => {
    const output = await callWithDebug('openapi-client');

    expect(output).toContain(KEYS.TEST_SECURITY_TOKEN);
    expect(output).toContain(signatures.at(-1));
  });

  it('prints no secret, token or signature of a call through the adapter', async () => {
    const before = signatures.length;

    const output = await callWithDebug('adapter');

    expect(signatures).toHaveLength(before + 1);
    for (const secret of [KEYS.TEST_SECURITY_TOKEN, KEYS.TEST_ACCESS_KEY_SECRET, signatures.at(-1)]) {
      expect(output).not.toContain(secret);
    }
  });
});
