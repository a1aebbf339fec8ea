import { once } from 'node:events';
import { Agent, request } from 'node:http';
import { createServer, type Server } from 'node:net';
import { describe, expect, it } from 'vitest';
import { send, sendNxcloud } from './__fixtures__/signed-requests.js';
import { emulatorEnvironment, formatEmulatorBanner } from './emulator-banner.js';
import { startEmulator } from './start-emulator.js';

async function listenOn(port: number): Promise<Server> {
  const server = createServer();
  server.listen(port, '127.0.0.1');
  await once(server, 'listening');
  return server;
}

async function closeServer(server: Server): Promise<void> {
  server.close();
  await once(server, 'close');
}

/** A port whose successor is free too, found by asking the system and checking. */
async function freePortPair(): Promise<number> {
  for (;;) {
    const probe = await listenOn(0);
    const port = (probe.address() as { port: number }).port;
    await closeServer(probe);
    if (port >= 65535) continue;
    try {
      await closeServer(await listenOn(port + 1));
      return port;
    } catch {
      // Taken: try another.
    }
  }
}

const openSockets = () =>
  process.getActiveResourcesInfo().filter((name) => name === 'TCPServerWrap' || name === 'TCPSocketWrap')
    .length;
const timers = () => process.getActiveResourcesInfo().filter((name) => name === 'Timeout').length;

describe('startEmulator', () => {
  it('starts both vendors on loopback by default, with complete client configs', async () => {
    const emulator = await startEmulator();
    try {
      expect(emulator.nxcloud.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(emulator.nxcloud.config).toEqual({
        accessKey: expect.any(String),
        accessSecret: expect.any(String),
        appKey: expect.any(String),
        businessPhone: expect.stringMatching(/^\d+$/),
        baseUrl: emulator.nxcloud.url,
      });
      expect(emulator.cams.endpoint).toMatch(/^127\.0\.0\.1:\d+$/);
      expect(emulator.cams.config).toEqual({
        accessKeyId: expect.any(String),
        accessKeySecret: expect.any(String),
        custSpaceId: expect.any(String),
        endpoint: emulator.cams.endpoint,
        protocol: 'http',
      });
      expect(emulator.cams.endpoint).not.toBe(new URL(emulator.nxcloud.url).host);
    } finally {
      await emulator.close();
    }
  });

  it('starts only the vendors asked for', async () => {
    const emulator = await startEmulator({ vendors: ['cams'] });
    try {
      expect('nxcloud' in emulator).toBe(false);
      expect(emulator.cams.endpoint).toBeDefined();
    } finally {
      await emulator.close();
    }
  });

  it('puts NXCloud on `port` and CAMS on `port + 1`', async () => {
    const port = await freePortPair();
    const emulator = await startEmulator({ port });
    try {
      expect(emulator.nxcloud.url).toBe(`http://127.0.0.1:${port}`);
      expect(emulator.cams.endpoint).toBe(`127.0.0.1:${port + 1}`);
    } finally {
      await emulator.close();
    }
  });

  it('fails cleanly when a port is taken, leaving the other one free', async () => {
    const port = await freePortPair();
    const blocker = await listenOn(port + 1);
    try {
      await expect(startEmulator({ port })).rejects.toThrow(/EADDRINUSE/);
      await closeServer(await listenOn(port));
    } finally {
      await closeServer(blocker);
    }
  });

  it('refuses a non-loopback host and bad options', async () => {
    await expect(startEmulator({ host: '0.0.0.0' })).rejects.toThrow('loopback');
    await expect(startEmulator({ vendors: ['meta' as never] })).rejects.toThrow('vendors');
    await expect(startEmulator({ port: 65535 })).rejects.toThrow('port');
    await expect(startEmulator({ faults: [{ kind: 'reset', times: -1 }] })).rejects.toThrow('fault.times');
  });

  it('answers bodies over 1 MiB with HTTP 413', async () => {
    const emulator = await startEmulator({ vendors: ['nxcloud'] });
    try {
      const response = await send(`${emulator.nxcloud.url}/api/wa/getTemplate`, {
        headers: { 'content-type': 'application/json' },
        body: Buffer.alloc(1024 * 1024 + 1, 0x20),
      });
      expect(response.status).toBe(413);
    } finally {
      await emulator.close();
    }
  });

  it('serves data users put in the store', async () => {
    const emulator = await startEmulator({ vendors: ['nxcloud'], data: { flows: 0, templates: 0 } });
    try {
      emulator.store.flows.add({ id: '111', name: 'mine', status: 'DRAFT', categories: ['OTHER'] });
      const config = emulator.nxcloud.config;
      const response = await sendNxcloud({
        baseUrl: config.baseUrl,
        path: '/v1/wa/m/flows/queryFlowsByPhone',
        action: 'queryFlowsByPhone',
        accessKey: config.accessKey,
        accessSecret: config.accessSecret,
        ts: Date.now(),
        body: JSON.stringify({
          appkey: config.appKey,
          phone: config.businessPhone,
          messaging_product: 'whatsapp',
        }),
      });
      expect((response.json() as { data: { data: Array<{ name: string }> } }).data.data).toEqual([
        { id: '111', name: 'mine', status: 'DRAFT', categories: ['OTHER'], validation_errors: [] },
      ]);
    } finally {
      await emulator.close();
    }
  });

  it('close() drops keep-alive and in-flight connections and leaves no sockets or timers', async () => {
    const socketsBefore = openSockets();
    const timersBefore = timers();
    const emulator = await startEmulator({
      faults: [{ kind: 'latency', ms: 600_000, operation: 'ListFlow' }],
    });
    const agent = new Agent({ keepAlive: true });
    const kept = await new Promise<import('node:net').Socket>((resolve, reject) => {
      const req = request(`${emulator.nxcloud.url}/nowhere`, { method: 'POST', agent }, (res) => {
        res.resume();
        res.on('end', () => resolve(req.socket as import('node:net').Socket));
      });
      req.on('error', reject);
      req.end();
    });
    const inFlight = send(`${emulator.cams.url}/`, { headers: { 'x-acs-action': 'ListFlow' } }).then(
      () => 'answered',
      (error: Error) => error.message,
    );
    // The slow request has reached the emulator before it closes.
    while (emulator.requests.count('cams', 'ListFlow') === 0)
      await new Promise((resolve) => setImmediate(resolve));
    expect(openSockets()).toBeGreaterThan(socketsBefore);

    const keptClosed = once(kept, 'close');
    await emulator.close();
    await emulator.close();
    await keptClosed;
    expect(await inFlight).toBe('socket hang up');
    agent.destroy();
    // Sockets of earlier tests may close meanwhile, hence at most the count from before.
    expect(openSockets()).toBeLessThanOrEqual(socketsBefore);
    expect(timers()).toBeLessThanOrEqual(timersBefore);
  });
});

describe('formatEmulatorBanner', () => {
  it('prints the URLs and the environment variables for each running vendor', async () => {
    const emulator = await startEmulator();
    try {
      const banner = formatEmulatorBanner(emulator);
      expect(banner).toContain(emulator.nxcloud.url);
      expect(banner).toContain(`export CAMS_ENDPOINT=${emulator.cams.endpoint}`);
      for (const name of [
        'WABSP_PROVIDER=nxcloud',
        'NXCLOUD_ACCESS_KEY',
        'NXCLOUD_ACCESS_SECRET',
        'NXCLOUD_APP_KEY',
        'NXCLOUD_BUSINESS_PHONE',
        'NXCLOUD_BASE_URL',
        'WABSP_PROVIDER=cams',
        'ALIBABA_CLOUD_ACCESS_KEY_ID',
        'ALIBABA_CLOUD_ACCESS_KEY_SECRET',
        'CAMS_CUST_SPACE_ID',
        'CAMS_PROTOCOL=http',
      ]) {
        expect(banner).toContain(`export ${name}`);
      }
      expect(emulatorEnvironment(emulator, 'cams')).toEqual({
        WABSP_PROVIDER: 'cams',
        ALIBABA_CLOUD_ACCESS_KEY_ID: emulator.cams.config.accessKeyId,
        ALIBABA_CLOUD_ACCESS_KEY_SECRET: emulator.cams.config.accessKeySecret,
        CAMS_CUST_SPACE_ID: emulator.cams.config.custSpaceId,
        CAMS_ENDPOINT: emulator.cams.endpoint,
        CAMS_PROTOCOL: 'http',
      });
    } finally {
      await emulator.close();
    }
  });

  it('quotes values the shell would split', () => {
    const banner = formatEmulatorBanner({
      nxcloud: {
        url: 'http://127.0.0.1:1',
        config: {
          accessKey: 'a b',
          accessSecret: "it's",
          appKey: 'k',
          businessPhone: '1',
          baseUrl: 'http://127.0.0.1:1',
        },
      },
    });
    expect(banner).toContain("export NXCLOUD_ACCESS_KEY='a b'");
    expect(banner).toContain("export NXCLOUD_ACCESS_SECRET='it'\\''s'");
    expect(banner).not.toContain('CAMS');
  });
});
