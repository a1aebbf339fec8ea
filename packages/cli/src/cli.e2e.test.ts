import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdtemp, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Emulator, startEmulator } from '@whatsapp-bsp/emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WABSP_BIN as bin, wabsp } from './__fixtures__/run-wabsp.js';

// These tests run the built command as a user would, against an emulator on loopback.

let emulator: Emulator;
let nxcloudEnv: Record<string, string>;
let camsEnv: Record<string, string>;

beforeAll(async () => {
  if (!existsSync(bin)) throw new Error(`${bin} is missing: run \`pnpm build\` first`);
  emulator = await startEmulator();
  const nx = emulator.nxcloud.config;
  nxcloudEnv = {
    WABSP_PROVIDER: 'nxcloud',
    NXCLOUD_ACCESS_KEY: nx.accessKey,
    NXCLOUD_ACCESS_SECRET: nx.accessSecret,
    NXCLOUD_APP_KEY: nx.appKey,
    NXCLOUD_BUSINESS_PHONE: nx.businessPhone,
    NXCLOUD_BASE_URL: nx.baseUrl,
  };
  const cams = emulator.cams.config;
  camsEnv = {
    WABSP_PROVIDER: 'cams',
    ALIBABA_CLOUD_ACCESS_KEY_ID: cams.accessKeyId,
    ALIBABA_CLOUD_ACCESS_KEY_SECRET: cams.accessKeySecret,
    CAMS_CUST_SPACE_ID: cams.custSpaceId,
    CAMS_ENDPOINT: cams.endpoint,
    CAMS_PROTOCOL: cams.protocol,
  };
});

afterAll(async () => {
  await emulator?.close();
});

describe('wabsp against the emulator', () => {
  it('gets a flow as a table of fields, and as JSON', async () => {
    const human = await wabsp(['flows', 'get', '3603023670018851'], nxcloudEnv);
    expect(human.code).toBe(0);
    expect(human.stdout).toMatch(/^status\s+PUBLISHED$/m);
    expect(human.stdout).toMatch(/^preview expires\s+2024-01-13T10:03:53.000Z$/m);
    const json = await wabsp(['flows', 'get', '3603023670018851', '--json'], nxcloudEnv);
    expect(JSON.parse(json.stdout)).toMatchObject({
      id: '3603023670018851',
      provider: 'nxcloud',
      status: 'PUBLISHED',
    });
  });

  it('lists flows as an aligned table on CAMS, and as NDJSON', async () => {
    const table = await wabsp(['flows', 'list', '--max-items', '3'], camsEnv);
    expect(table.code).toBe(0);
    const lines = table.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^ID\s+NAME\s+STATUS\s+CATEGORIES$/);
    expect(lines).toHaveLength(4);
    expect(lines[1]!.indexOf(lines[1]!.split(/\s+/)[1]!)).toBe(lines[0]!.indexOf('NAME'));
    const ndjson = await wabsp(
      ['flows', 'list', '--ndjson', '--page-size', '2', '--max-items', '5'],
      camsEnv,
    );
    const items = ndjson.stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(items).toHaveLength(5);
    expect(items.every((item) => item.provider === 'cams')).toBe(true);
  });

  it('shows a template as a chat bubble with its example values filled in', async () => {
    const run = await wabsp(
      ['templates', 'get', '--name', 'normal_text3', '--language', 'en_US'],
      nxcloudEnv,
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('normal_text3 · en_US · AUTHENTICATION · REJECTED');
    expect(run.stdout).toContain('niAAhao');
    expect(run.stdout).toContain('helloBBworldCChahah');
    expect(run.stdout).toContain('[ I am QR1 ]');
  });

  it('filters templates where the vendor can, and says so where it cannot', async () => {
    const cams = await wabsp(['templates', 'list', '--status', 'approved', '--json'], camsEnv);
    expect(cams.code).toBe(0);
    const templates = JSON.parse(cams.stdout) as { status: string }[];
    expect(templates.length).toBeGreaterThan(0);
    expect(templates.every((t) => t.status === 'APPROVED')).toBe(true);
    const nxcloud = await wabsp(['templates', 'list', '--status', 'approved'], nxcloudEnv);
    expect(nxcloud.code).toBe(2);
    expect(nxcloud.stderr).toContain(
      'UnsupportedOperationError: nxcloud cannot filter templates by `status`',
    );
  });

  it('runs offline with --emulator and no credentials at all', async () => {
    const run = await wabsp(['--emulator', '--provider', 'cams', 'flows', 'preview', '3603023670018851']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^url\s+https:\/\//m);
  });
});

describe('wabsp failures', () => {
  it('reports a bad credential with its class and vendor code, exit 1, and never the secret', async () => {
    const secret = 'WRONG-SECRET-7f3a9c';
    const run = await wabsp(['flows', 'get', '3603023670018851'], {
      ...nxcloudEnv,
      NXCLOUD_ACCESS_SECRET: secret,
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('AuthenticationError');
    expect(run.stderr).toContain('vendor code 1003');
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(run.stdout + run.stderr).not.toContain(secret);
    const json = await wabsp(['flows', 'get', '3603023670018851', '--json'], {
      ...camsEnv,
      ALIBABA_CLOUD_ACCESS_KEY_SECRET: secret,
    });
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stderr).error).toMatchObject({
      name: 'AuthenticationError',
      vendorCode: 'SignatureDoesNotMatch',
    });
    expect(JSON.parse(json.stderr).error.requestId).toEqual(expect.any(String));
    expect(json.stdout + json.stderr).not.toContain(secret);
  });

  it('explains a missing configuration with exit 2', async () => {
    const run = await wabsp(['flows', 'list']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('ConfigError: No provider configured');
    const missingFile = await wabsp(['flows', 'list', '--config', '/nonexistent/wabsp.json']);
    expect(missingFile.code).toBe(2);
    expect(missingFile.stderr).toContain('Cannot read the config file /nonexistent/wabsp.json');
  });

  it('refuses a world-readable config file holding a secret, without echoing it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'wabsp-cli-'));
    const path = join(dir, 'wabsp.json');
    await writeFile(path, JSON.stringify({ provider: 'nxcloud', nxcloud: { ...emulator.nxcloud.config } }));
    await chmod(path, 0o644);
    const refused = await wabsp(['--config', path, 'flows', 'list']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(`chmod 600 ${path}`);
    expect(refused.stderr).not.toContain(emulator.nxcloud.config.accessSecret);
    await chmod(path, 0o600);
    const accepted = await wabsp(['--config', path, 'flows', 'list', '--max-items', '1', '--json']);
    expect(accepted.code).toBe(0);
  });

  it('rejects usage mistakes with exit 2', async () => {
    for (const args of [
      ['flows'],
      ['flows', 'get'],
      ['templates', 'get', '--id', '1', '--name', 'x'],
      ['flows', 'list', '--page-size', 'ten'],
      ['flows', 'list', '--bogus'],
    ]) {
      const run = await wabsp(args, nxcloudEnv);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr).toMatch(/Usage error/);
    }
  });

  it('prints help and version', async () => {
    const help = await wabsp(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain(
      'Exit codes: 0 ok; 1 vendor or network error, problems found by a validate, or a change declined;',
    );
    expect((await wabsp(['--version'])).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});

describe('wabsp emulator', () => {
  it('prints where it listens and the variables to use, and stops cleanly on Ctrl-C', async () => {
    const child = spawn(process.execPath, [bin, 'emulator'], {
      env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' },
    });
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no banner; stderr: ${stderr}`)), 20_000);
      child.stdout.on('data', (chunk) => {
        stdout += chunk;
        if (stdout.includes('CAMS_PROTOCOL=')) {
          clearTimeout(timer);
          resolve();
        }
      });
    });
    expect(stdout).toMatch(/NXCLOUD_BASE_URL=http:\/\/127\.0\.0\.1:\d+/);
    expect(stdout).toMatch(/CAMS_ENDPOINT=127\.0\.0\.1:\d+/);
    const exitCode = await new Promise<number | null>((resolve) => {
      child.on('close', resolve);
      child.kill('SIGINT');
    });
    expect(exitCode).toBe(0);
    expect(stderr).toContain('emulator stopped');
  });
});

describe('numeric flags and flags a command does not take', () => {
  it('refuses a number out of range or not whole, for every numeric flag, as a usage error (exit 2)', async () => {
    const cases: string[][] = [
      ['emulator', '--port', '70000'],
      ['emulator', '--port', '65535'],
      ['emulator', '--port', '-1'],
      ['emulator', '--port', '1e3'],
      ['emulator', '--port', '0x50'],
      ['flows', 'list', '--page-size', '0'],
      ['flows', 'list', '--page-size', '2.5'],
      ['templates', 'list', '--max-items', '99999999999999999999'],
      ['flows', 'list', '--timeout', '600001'],
      ['flows', 'list', '--timeout', ' 5'],
      ['flows', 'get', '1', '--page-size', '10'],
      ['emulator', '--name', 'x'],
    ];
    for (const args of cases) {
      const run = await wabsp(args, nxcloudEnv);
      expect({ args, code: run.code }).toEqual({ args, code: 2 });
      expect(run.stderr).toMatch(/^Usage error: /);
      expect(run.stderr).not.toMatch(/\n\s+at /);
    }
    const port = await wabsp(['emulator', '--port', '70000']);
    expect(port.stderr).toContain(
      "--port must be a whole number from 0 to 65534 (NXCloud listens on it and CAMS on the next one; 0 picks free ports), not '70000'",
    );
    const foreign = await wabsp(['flows', 'get', '1', '--page-size', '10']);
    expect(foreign.stderr).toContain('wabsp flows get does not take --page-size');
  }, 60_000);

  it('says so when the port asked for is taken, as a usage error (exit 2)', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const { port } = taken.address() as { port: number };
    try {
      const run = await wabsp(['emulator', '--port', String(port)]);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(`Usage error: port ${port} or ${port + 1} is in use`);
    } finally {
      await new Promise((resolve) => taken.close(resolve));
    }
  });
});

describe('wabsp in a pipeline', () => {
  /**
   * Runs the command with its stdout closed by the reader: after the first chunk, as
   * `| head -c 1` does, or before anything is written.
   */
  function closedEarly(args: string[], env: Record<string, string>, when: 'first chunk' | 'at once') {
    return new Promise<{ code: number | null; stderr: string }>((resolve, reject) => {
      const child = spawn(process.execPath, [bin, ...args], {
        env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stderr = '';
      child.stderr.on('data', (chunk) => (stderr += chunk));
      if (when === 'at once') child.stdout.destroy();
      else child.stdout.once('data', () => child.stdout.destroy());
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, stderr }));
    });
  }

  it('stops quietly, exit 0 and nothing on stderr, when the reader closes the pipe early', async () => {
    const cases: Array<[string[], Record<string, string>, 'first chunk' | 'at once']> = [
      [['templates', 'list', '--ndjson', '--page-size', '1', '--max-items', '40'], nxcloudEnv, 'first chunk'],
      [['flows', 'list', '--ndjson', '--page-size', '1'], camsEnv, 'first chunk'],
      [['templates', 'list'], nxcloudEnv, 'at once'],
      [['templates', 'list', '--json'], camsEnv, 'at once'],
      [['flows', 'get', '3603023670018851'], nxcloudEnv, 'at once'],
    ];
    for (const [args, env, when] of cases) {
      const run = await closedEarly(args, env, when);
      expect({ args, ...run }).toEqual({ args, code: 0, stderr: '' });
    }
  }, 60_000);
});
