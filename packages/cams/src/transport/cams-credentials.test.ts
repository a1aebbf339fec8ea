import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, createClient, type ProviderV1 } from '@whatsapp-bsp/core';
import nock from 'nock';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { getFlowExampleBody } from '../__fixtures__/get-flow.js';
import {
  CUST_SPACE_ID,
  callContext,
  hasValidSignature,
  interceptCams,
  type RecordedRequest,
} from '../__fixtures__/harness.js';
import { cams } from '../cams-provider.js';

/** Every variable `@alicloud/credentials`' default chain reads, plus HOME for its profile files. */
const CHAIN_VARIABLES = [
  'ALIBABA_CLOUD_ACCESS_KEY_ID',
  'ALIBABA_CLOUD_ACCESS_KEY_SECRET',
  'ALIBABA_CLOUD_SECURITY_TOKEN',
  'ALIBABA_CLOUD_ROLE_ARN',
  'ALIBABA_CLOUD_OIDC_PROVIDER_ARN',
  'ALIBABA_CLOUD_OIDC_TOKEN_FILE',
  'ALIBABA_CLOUD_PROFILE',
  'ALIBABA_CLOUD_CLI_PROFILE_DISABLED',
  'ALIBABA_CLOUD_CREDENTIALS_FILE',
  'ALIBABA_CLOUD_ECS_METADATA',
  'ALIBABA_CLOUD_ECS_METADATA_DISABLED',
  'ALIBABA_CLOUD_CREDENTIALS_URI',
  'HOME',
] as const;

const saved = new Map<string, string | undefined>();
let emptyHome = '';
const unexpectedRequests: string[] = [];

beforeAll(() => {
  nock.disableNetConnect();
  // A probe of the ECS metadata service or any other host would show up here.
  nock.emitter.on('no match', (request: { host?: string; hostname?: string }) => {
    unexpectedRequests.push(String(request.hostname ?? request.host));
  });
});

beforeEach(() => {
  for (const name of CHAIN_VARIABLES) {
    saved.set(name, process.env[name]);
    delete process.env[name];
  }
  // An empty home, so no profile file on this machine is found; no ECS metadata probe.
  emptyHome = mkdtempSync(join(tmpdir(), 'cams-credentials-'));
  process.env.HOME = emptyHome;
  process.env.ALIBABA_CLOUD_CREDENTIALS_FILE = join(emptyHome, 'absent-credentials');
  process.env.ALIBABA_CLOUD_ECS_METADATA_DISABLED = 'true';
  unexpectedRequests.length = 0;
});

afterEach(() => {
  for (const [name, value] of saved) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  rmSync(emptyHome, { recursive: true, force: true });
  nock.cleanAll();
});

describe('without keys in the options', () => {
  it('signs with the keys from ALIBABA_CLOUD_ACCESS_KEY_ID / _SECRET', async () => {
    process.env.ALIBABA_CLOUD_ACCESS_KEY_ID = 'LTAI5tFromEnvironment';
    process.env.ALIBABA_CLOUD_ACCESS_KEY_SECRET = 'environment-secret-0001';
    const requests: RecordedRequest[] = [];
    interceptCams(requests, [200, getFlowExampleBody]);

    const { value } = await cams({ custSpaceId: CUST_SPACE_ID }).flows.doGet({ id: 'f-1' }, callContext());

    expect(value.name).toBe('flow_001');
    expect(requests[0]?.headers.authorization).toContain('Credential=LTAI5tFromEnvironment,');
    expect(hasValidSignature(requests[0] as RecordedRequest, 'environment-secret-0001')).toBe(true);
    expect(hasValidSignature(requests[0] as RecordedRequest, 'some-other-secret')).toBe(false);
  });

  it('with no credentials anywhere, answers the call with a ConfigError that says what to set', async () => {
    const requests: RecordedRequest[] = [];
    interceptCams(requests, [200, getFlowExampleBody]);
    const provider = cams({ custSpaceId: CUST_SPACE_ID });

    const error = await provider.flows.doGet({ id: 'f-1' }, callContext()).catch((thrown: unknown) => thrown);

    expect(ConfigError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ provider: 'cams', field: 'accessKeyId', outcome: 'not-sent' });
    expect((error as Error).message).toContain('ALIBABA_CLOUD_ACCESS_KEY_ID');
    expect((error as Error).message).toContain('accessKeyId');
    expect(requests).toHaveLength(0);
    // No ECS metadata (RAM role) probe. The chain of @alicloud/credentials 2.4.7 does try its
    // credentials-URI provider even when ALIBABA_CLOUD_CREDENTIALS_URI is unset, which asks for
    // the host "undefined"; nock refuses it, and it is the library's, not a lookup of ours.
    expect(unexpectedRequests.filter((host) => host !== 'undefined')).toEqual([]);
  });
});

describe('credentials that cannot be sent', () => {
  async function refusedThroughTheClient(provider: ProviderV1, field: string, value: string) {
    const requests: RecordedRequest[] = [];
    interceptCams(requests, [200, getFlowExampleBody]);
    const client = createClient({ provider, rateLimit: false, retry: { maxAttempts: 3 } });

    const error = await client.flows.get('f-1').catch((thrown: unknown) => thrown);

    expect(ConfigError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({
      provider: 'cams',
      field,
      outcome: 'not-sent',
      retryable: false,
      attempts: 1,
    });
    expect(`${(error as Error).message} ${JSON.stringify(error)}`).not.toContain(value);
    expect(requests).toHaveLength(0);
    return error as ConfigError;
  }

  it('an access key id from the environment ending in a newline: ConfigError on the first call, nothing sent', async () => {
    process.env.ALIBABA_CLOUD_ACCESS_KEY_ID = 'LTAI5tFromEnvironment\n';
    process.env.ALIBABA_CLOUD_ACCESS_KEY_SECRET = 'environment-secret-0001';

    const error = await refusedThroughTheClient(
      cams({ custSpaceId: CUST_SPACE_ID }),
      'accessKeyId',
      'LTAI5tFromEnvironment',
    );

    expect(error.message).toContain('access key id found by the default credential chain');
    expect(error.message).toContain('ALIBABA_CLOUD_ACCESS_KEY_ID');
  });

  it('an STS token handed out by a credential with a line break in it: ConfigError naming the credential', async () => {
    const token = 'CAIS-token-0123456789\r\nX-Injected: 1';
    const credential = {
      getCredential: async () => ({
        accessKeyId: 'LTAI5tFromCredential',
        accessKeySecret: 'credential-secret-0001',
        securityToken: token,
        type: 'sts',
      }),
    };

    const error = await refusedThroughTheClient(
      cams({ custSpaceId: CUST_SPACE_ID, credential }),
      'credential',
      token,
    );

    expect(error.message).toContain('security token handed out by the credential passed to cams()');
  });
});
