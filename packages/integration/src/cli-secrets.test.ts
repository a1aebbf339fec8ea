import { chmod, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Emulator, startEmulator, type Vendor } from '@whatsapp-bsp/emulator';
import { afterAll, describe, expect, it } from 'vitest';
import { AUDIT_SECRETS, VENDOR_SECRETS } from './audit-secrets.js';
import { type RecordingProxy, startRecordingProxy } from './recording-proxy.js';
import { runCli } from './run-cli.js';
import { SecretAudit } from './secret-audit.js';

/*
 * The built `wabsp` command, run as users run it, against the emulator behind a proxy that
 * notes every request signature: with a wrong distinctive secret, with the right one, with a
 * vendor that echoes what it was sent, and with a config file others can read. Its stdout and
 * stderr, with `--json` and without, must hold no secret and no signature. Every failure goes
 * through the same renderer, so one of each kind suffices; the in-process audit drives every
 * error path.
 */

interface Setup {
  emulator: Emulator;
  proxy: RecordingProxy;
}

interface Scenario {
  name: string;
  vendor: Vendor;
  args: string[];
  /** The exit code the scenario must end with, so it is known to have taken the intended path. */
  exitCode: number;
  secret?: string;
  answer?: RecordingProxy['answer'];
  /** A config file holding the secret, with this mode, instead of environment variables. */
  configFileMode?: number;
}

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  await Promise.all(cleanups.map((cleanup) => cleanup()));
});

async function setUp(vendor: Vendor): Promise<Setup> {
  const emulator = await startEmulator({
    vendors: [vendor],
    accounts: {
      nxcloud: { accessSecret: VENDOR_SECRETS.nxcloud.right },
      cams: { accessKeySecret: VENDOR_SECRETS.cams.right },
    },
  });
  const endpoints = emulator as Partial<Emulator>;
  const proxy = await startRecordingProxy(endpoints.nxcloud?.url ?? endpoints.cams?.url ?? '');
  cleanups.push(
    () => proxy.close(),
    () => emulator.close(),
  );
  return { emulator, proxy };
}

/** The vendor options, pointed at the proxy, as a config file or the CLI's environment variables. */
function options(vendor: Vendor, { emulator, proxy }: Setup, secret: string) {
  const endpoints = emulator as Partial<Emulator>;
  if (vendor === 'nxcloud' && endpoints.nxcloud) {
    const { accessKey, appKey, businessPhone } = endpoints.nxcloud.config;
    return {
      file: { accessKey, accessSecret: secret, appKey, businessPhone, baseUrl: proxy.url },
      env: {
        NXCLOUD_ACCESS_KEY: accessKey,
        NXCLOUD_ACCESS_SECRET: secret,
        NXCLOUD_APP_KEY: appKey,
        NXCLOUD_BUSINESS_PHONE: businessPhone,
        NXCLOUD_BASE_URL: proxy.url,
      },
    };
  }
  const { accessKeyId, custSpaceId } = endpoints.cams?.config ?? { accessKeyId: '', custSpaceId: '' };
  return {
    file: {
      accessKeyId,
      accessKeySecret: secret,
      securityToken: AUDIT_SECRETS.camsToken,
      custSpaceId,
      endpoint: proxy.host,
      protocol: 'http',
    },
    env: {
      ALIBABA_CLOUD_ACCESS_KEY_ID: accessKeyId,
      ALIBABA_CLOUD_ACCESS_KEY_SECRET: secret,
      ALIBABA_CLOUD_SECURITY_TOKEN: AUDIT_SECRETS.camsToken,
      CAMS_CUST_SPACE_ID: custSpaceId,
      CAMS_ENDPOINT: proxy.host,
      CAMS_PROTOCOL: 'http',
    },
  };
}

function echoing(vendor: Vendor): RecordingProxy['answer'] {
  return ({ signature }) => ({
    status: 400,
    body: JSON.stringify(
      vendor === 'nxcloud'
        ? { code: 1003, message: `sign ${signature} is not ${VENDOR_SECRETS.nxcloud.right}`, data: null }
        : {
            Code: 'SignatureDoesNotMatch',
            Message: `${signature} ${VENDOR_SECRETS.cams.right} ${AUDIT_SECRETS.camsToken}`,
            RequestId: 'echo',
          },
    ),
  });
}

function scenarios(vendor: Vendor): Scenario[] {
  const flowId = '3603023670018851';
  return [
    {
      name: 'wrong secret',
      vendor,
      args: ['flows', 'get', flowId],
      exitCode: 1,
      secret: VENDOR_SECRETS[vendor].wrong,
    },
    {
      name: 'success',
      vendor,
      args: ['templates', 'list', '--page-size', '3', '--max-items', '3', '--with-components'],
      exitCode: 0,
    },
    { name: 'echoing vendor', vendor, args: ['flows', 'get', flowId], exitCode: 1, answer: echoing(vendor) },
    { name: 'config file 0644', vendor, args: ['flows', 'list'], exitCode: 2, configFileMode: 0o644 },
  ];
}

async function run(scenario: Scenario, audit: SecretAudit, signatures: string[]): Promise<string[]> {
  const setup = await setUp(scenario.vendor);
  setup.proxy.answer = scenario.answer;
  const { file, env } = options(
    scenario.vendor,
    setup,
    scenario.secret ?? VENDOR_SECRETS[scenario.vendor].right,
  );
  const base: Record<string, string> = {
    WABSP_PROVIDER: scenario.vendor,
    WABSP_RETRY_MAX_ATTEMPTS: '2',
  };
  let args = scenario.args;
  if (scenario.configFileMode === undefined) {
    Object.assign(base, env);
  } else {
    const dir = await mkdtemp(join(tmpdir(), 'wabsp-cli-audit-'));
    const path = join(dir, 'wabsp.json');
    await writeFile(path, JSON.stringify({ provider: scenario.vendor, [scenario.vendor]: file }));
    await chmod(path, scenario.configFileMode);
    args = ['--config', path, ...args];
  }
  const failures: string[] = [];
  for (const output of [[], ['--json']]) {
    const where = `${scenario.vendor} ${scenario.name}${output.length ? ' --json' : ''}`;
    const result = await runCli([...args, ...output], base);
    audit.text(`cli stdout @ ${where}`, result.stdout);
    audit.text(`cli stderr @ ${where}`, result.stderr);
    if (result.code !== scenario.exitCode) {
      failures.push(`${where}: exit ${result.code}, expected ${scenario.exitCode}\n${result.stderr}`);
    }
    if (scenario.configFileMode === 0o644 && !result.stderr.includes('chmod 600')) {
      failures.push(`${where}: the refusal does not say how to fix the file mode`);
    }
  }
  signatures.push(...setup.proxy.signatures);
  return failures;
}

describe('wabsp output, searched for secrets', () => {
  it('never shows a secret or a request signature, with --json or without', async () => {
    const audit = new SecretAudit();
    const signatures: string[] = [];
    const all = [...scenarios('nxcloud'), ...scenarios('cams')];
    const failures: string[] = [];
    // A few processes at a time: each one loads the whole library.
    for (let start = 0; start < all.length; start += 4) {
      const batch = await Promise.all(
        all.slice(start, start + 4).map((scenario) => run(scenario, audit, signatures)),
      );
      failures.push(...batch.flat());
    }
    const secrets = [...Object.values(AUDIT_SECRETS), ...signatures];
    const hits = audit.hits(secrets);
    console.log(
      `wabsp: ${all.length} scenarios × 2 output modes = ${audit.size / 2} runs; ` +
        `${Object.keys(AUDIT_SECRETS).length} secrets and ${signatures.length} request signatures ` +
        `searched in stdout and stderr: ${hits.length} hits`,
    );
    expect(failures).toEqual([]);
    expect(signatures.length).toBeGreaterThan(0);
    expect(hits).toEqual([]);
  }, 60_000);
});
