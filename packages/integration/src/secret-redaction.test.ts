import { chmod, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cams } from '@whatsapp-bsp/cams';
import {
  type CallOptions,
  type ClientSettings,
  createClient,
  type Hooks,
  loadConfig,
  loadConfigFromFile,
  type WhatsAppClient,
} from '@whatsapp-bsp/core';
import { type Emulator, type FaultRule, startEmulator, type Vendor } from '@whatsapp-bsp/emulator';
import { nxcloud } from '@whatsapp-bsp/nxcloud';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUDIT_SECRETS as SECRETS, VENDOR_SECRETS } from './audit-secrets.js';
import { VENDORS } from './emulator-clients.js';
import { type RecordingProxy, startRecordingProxy } from './recording-proxy.js';
import { SecretAudit } from './secret-audit.js';

/*
 * The redaction audit: distinctive fake secrets for both vendors, every error path and every
 * hook driven through the client, and everything observable searched for each secret and for
 * every request signature that went over the wire (noted by a proxy in front of the emulator).
 */

const audit = new SecretAudit();
const warnings: string[] = [];
let emulator: Emulator;
const proxies = {} as Record<Vendor, RecordingProxy>;

beforeAll(async () => {
  emulator = await startEmulator({
    accounts: {
      nxcloud: { accessSecret: SECRETS.nxcloudSecret },
      cams: { accessKeySecret: SECRETS.camsSecret },
    },
  });
  proxies.nxcloud = await startRecordingProxy(emulator.nxcloud.url);
  proxies.cams = await startRecordingProxy(emulator.cams.url);
  process.on('warning', onWarning);
});
afterAll(async () => {
  process.off('warning', onWarning);
  await Promise.all([...Object.values(proxies).map((proxy) => proxy.close()), emulator.close()]);
});

function onWarning(warning: Error) {
  warnings.push(`${warning.name}: ${warning.message}\n${warning.stack}`);
}

/**
 * Hooks that record everything they are given. The first retry's hook throws, as a careless
 * logger might, so the process warning the client then emits is searched too.
 */
function recordingHooks(where: string): Hooks {
  let thrown = false;
  return {
    onRequest: (event) => audit.value(`hook onRequest @ ${where}`, event),
    onResponse: (event) => audit.value(`hook onResponse @ ${where}`, event),
    onRetry: (event) => {
      audit.value(`hook onRetry @ ${where}`, event);
      if (thrown || !where.endsWith('HTTP 503')) return;
      thrown = true;
      throw new Error(`logger failed on ${JSON.stringify(event)}`);
    },
  };
}

const SETTINGS: ClientSettings = {
  retry: { initialDelayMs: 1, maxDelayMs: 2, maxAttempts: 2 },
  rateLimit: false,
};

function vendorOptions(vendor: Vendor, secret: string): object {
  return vendor === 'nxcloud'
    ? { ...emulator.nxcloud.config, accessSecret: secret, baseUrl: proxies.nxcloud.url }
    : {
        ...emulator.cams.config,
        accessKeySecret: secret,
        securityToken: SECRETS.camsToken,
        endpoint: proxies.cams.host,
      };
}

function clientOf(vendor: Vendor, secret: string, where: string): Promise<WhatsAppClient> {
  return createClient({
    provider: vendor,
    [vendor]: vendorOptions(vendor, secret),
    ...SETTINGS,
    hooks: recordingHooks(where),
  });
}

const rightSecret = (vendor: Vendor) => VENDOR_SECRETS[vendor].right;
const wrongSecret = (vendor: Vendor) => VENDOR_SECRETS[vendor].wrong;

/** Every read operation; results and errors go to the audit. */
async function everyOperation(client: WhatsAppClient, where: string, options: CallOptions = {}) {
  const calls: Record<string, () => Promise<unknown>> = {
    'flows.get': () => client.flows.get('3603023670018851', options),
    'flows.list': () => client.flows.list({ pageSize: 3, maxItems: 3, ...options }).toArray(),
    'flows.preview': () => client.flows.preview('3603023670018851', options),
    'templates.list': () => client.templates.list({ pageSize: 3, maxItems: 3, ...options }).toArray(),
    'templates.get': () => client.templates.get({ name: 'normal_text3', language: 'en_US' }, options),
    'flows.get unknown': () => client.flows.get('999999999999', options),
  };
  for (const [operation, call] of Object.entries(calls)) {
    try {
      audit.value(`result @ ${where} ${operation}`, await call());
    } catch (error) {
      audit.error(`${where} ${operation}`, error);
    }
  }
}

const FAULTS: Record<string, FaultRule> = {
  'HTTP 503': { kind: 'http-error', status: 503 },
  reset: { kind: 'reset' },
  'truncated JSON': { kind: 'malformed-json' },
  'HTML page': { kind: 'html' },
  'failure code': { kind: 'vendor-error' },
  throttled: { kind: 'quota', requestsPerSecond: 0.001, burst: 1 },
};

/** A vendor that echoes what it was sent, secrets included, in its error answers. */
function echoingVendor(vendor: Vendor, status: number, html: boolean): RecordingProxy['answer'] {
  return ({ signature }) => {
    // Only what this vendor was sent: its secret, its signature, and on CAMS the STS token.
    const token = vendor === 'cams' ? ` token ${SECRETS.camsToken}` : '';
    const echoed = `signature ${signature} secret ${rightSecret(vendor)}${token}`;
    if (html) return { status, body: `<html><body>${echoed}</body></html>`, contentType: 'text/html' };
    const body =
      vendor === 'nxcloud'
        ? { code: 1003, message: echoed, data: { sign: signature, accessSecret: rightSecret(vendor) } }
        : { Code: 'SignatureDoesNotMatch', Message: echoed, RequestId: 'echo', Recommend: echoed };
    return { status, body: JSON.stringify(body) };
  };
}

describe.each(VENDORS)('%s: every error path and hook, searched for secrets', (vendor) => {
  it('succeeds and fails through the client', async () => {
    await everyOperation(await clientOf(vendor, rightSecret(vendor), `${vendor} ok`), `${vendor} ok`);
    await everyOperation(
      await clientOf(vendor, wrongSecret(vendor), `${vendor} wrong secret`),
      `${vendor} wrong secret`,
    );

    const scenario = async (where: string, options: CallOptions = {}) =>
      everyOperation(await clientOf(vendor, rightSecret(vendor), where), where, options);
    for (const [name, rule] of Object.entries(FAULTS)) {
      emulator.faults.set({ ...rule, vendor });
      await scenario(`${vendor} ${name}`);
    }
    emulator.faults.set({ kind: 'latency', ms: 500, vendor });
    await scenario(`${vendor} timeout`, { timeoutMs: 20 });
    emulator.faults.clear();
    await scenario(`${vendor} aborted`, { signal: AbortSignal.abort() });

    for (const [status, html] of [
      [200, false],
      [400, false],
      [502, false],
      [502, true],
      [200, true],
    ] as const) {
      proxies[vendor].answer = echoingVendor(vendor, status, html);
      await scenario(`${vendor} echoing vendor ${status}${html ? ' html' : ''}`);
    }
    proxies[vendor].answer = undefined;
  });

  it('refuses bad options without quoting them', async () => {
    const secret = rightSecret(vendor);
    const factory = vendor === 'nxcloud' ? nxcloud : cams;
    const base = vendorOptions(vendor, secret);
    for (const [name, options] of Object.entries({
      'a bad phone': { ...base, businessPhone: secret },
      'a misspelt option holding the secret': { ...base, accessSecrett: secret, accessKeySecrett: secret },
      'a bad endpoint': { ...base, endpoint: secret, baseUrl: secret },
      'the secret where a number goes': { ...base, connectTimeoutMs: secret, signAlgorithm: secret },
      'only the secret': vendor === 'nxcloud' ? { accessSecret: secret } : { accessKeySecret: secret },
    })) {
      for (const build of [
        () => factory(options as never),
        () => createClient({ provider: vendor, [vendor]: options }),
        () => createClient({ provider: vendor, [vendor]: base, retry: { maxAttempts: secret as never } }),
      ]) {
        try {
          await build();
        } catch (error) {
          audit.error(`${vendor} options: ${name}`, error);
        }
      }
    }
  });
});

describe('config files', () => {
  it('refuses a config file holding a secret that others can read, says how to fix it, and never quotes it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'wabsp-audit-'));
    const path = join(dir, 'wabsp.json');
    await writeFile(
      path,
      JSON.stringify({ provider: 'nxcloud', nxcloud: vendorOptions('nxcloud', SECRETS.nxcloudSecret) }),
    );
    for (const mode of [0o644, 0o640, 0o604]) {
      await chmod(path, mode);
      const error = await loadConfigFromFile(path).catch((thrown: unknown) => thrown);
      expect((error as Error).message).toContain(`chmod 600 ${path}`);
      audit.error(`config file mode ${mode.toString(8)}`, error);
      audit.error(
        `config file mode ${mode.toString(8)} via loadConfig`,
        await loadConfig({ path, env: {} }).catch((e: unknown) => e),
      );
    }
    await chmod(path, 0o600);
    expect((await loadConfigFromFile(path)).provider).toBe('nxcloud');
    // Not JSON, with the secret in it: the parse error must not quote the text.
    await writeFile(path, `{"nxcloud":{"accessSecret":"${SECRETS.nxcloudSecret}"`);
    audit.error('config file not JSON', await loadConfigFromFile(path).catch((e: unknown) => e));
  });
});

describe('the audit', () => {
  it('finds no secret and no signature anywhere', () => {
    for (const [index, warning] of warnings.entries()) audit.text(`process warning @ ${index}`, warning);
    const signatures = [...proxies.nxcloud.signatures, ...proxies.cams.signatures];
    const secrets = [...Object.values(SECRETS), ...signatures];
    const hits = audit.hits(secrets);
    console.log(
      `${Object.keys(SECRETS).length} secrets and ${signatures.length} request signatures searched in ` +
        `${audit.size} texts (${warnings.length} warnings) from ${audit.kinds.length} kinds of place: ` +
        `${hits.length} hits\n  places: ${audit.kinds.join(', ')}`,
    );
    expect(warnings.length).toBeGreaterThan(0);
    expect(signatures.length).toBeGreaterThan(0);
    expect(hits).toEqual([]);
  });
});
