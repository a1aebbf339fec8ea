import OpenApiModule, { Config, OpenApiRequest, Params } from '@alicloud/openapi-client';
import { RuntimeOptions } from '@alicloud/tea-util';
import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { getFlowExampleBody } from '../__fixtures__/get-flow.js';
import {
  ACCESS_KEY_ID,
  ACCESS_KEY_SECRET,
  CUST_SPACE_ID,
  callContext,
  ENDPOINT,
  hasValidSignature,
  ORIGIN,
  testProvider,
} from '../__fixtures__/harness.js';
import { listTemplatesBody } from '../__fixtures__/templates.js';
import { commonJsDefault } from './commonjs-default.js';

/*
 * The adapter signs with Alibaba's own code and sends through core's transport. Here each request
 * it sends is sent again through @alicloud/openapi-client 0.4 (the library it replaced), with the
 * same nonce and date: the two must agree byte for byte on what CAMS reads and on the signature.
 */

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());

const OpenApiClient = commonJsDefault(OpenApiModule);
const SECURITY_TOKEN = 'CAIS-signing-test-token-0001';
/**
 * How each HTTP layer frames the same bytes, and what it accepts back: openapi-client streams the
 * body (chunked), core's transport sends it whole with its length and decodes gzip, deflate, br.
 * None of them is signed.
 */
const FRAMING_HEADERS = ['accept-encoding', 'content-length', 'transfer-encoding'];
/** Every character class the two encoders (querystring and RFC 3986) treat differently. */
const AWKWARD_TEXT = "a b+c&d=e*f'g(h)i!j~k%l/m?n#o é 中文 😀";

interface Sent {
  readonly path: string;
  readonly body: string;
  readonly headers: Record<string, string>;
}

function record(into: Sent[], reply: object) {
  nock(ORIGIN)
    .post(/.*/)
    .reply(function (uri, body) {
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(this.req.headers))
        headers[name.toLowerCase()] = String(value);
      into.push({ path: uri, body: typeof body === 'string' ? body : JSON.stringify(body), headers });
      return [200, reply];
    });
}

/** The adapter's request, then openapi-client's for the same action, nonce and date. */
async function bothRequests(
  action: string,
  placement: 'body' | 'query',
  send: (provider: ReturnType<typeof testProvider>) => Promise<unknown>,
  parameters: Record<string, string>,
  securityToken?: string,
): Promise<[Sent, Sent]> {
  const sent: Sent[] = [];
  const answer = action === 'ListChatappTemplate' ? listTemplatesBody(0, []) : JSON.parse(getFlowExampleBody);
  record(sent, answer);
  await send(testProvider(securityToken === undefined ? {} : { securityToken }));
  const adapter = sent[0] as Sent;

  record(sent, answer);
  const client = new OpenApiClient(
    new Config({
      accessKeyId: ACCESS_KEY_ID,
      accessKeySecret: ACCESS_KEY_SECRET,
      securityToken,
      endpoint: ENDPOINT,
    }),
  );
  const params = new Params({
    action,
    version: '2020-06-06',
    protocol: 'HTTPS',
    pathname: '/',
    method: 'POST',
    authType: 'AK',
    style: 'RPC',
    reqBodyType: 'formData',
    bodyType: 'string',
  });
  const headers = {
    'x-acs-signature-nonce': adapter.headers['x-acs-signature-nonce'] ?? '',
    'x-acs-date': adapter.headers['x-acs-date'] ?? '',
  };
  await client.callApi(
    params,
    new OpenApiRequest({ headers, [placement]: parameters }),
    new RuntimeOptions({}),
  );
  return [adapter, sent[1] as Sent];
}

function withoutFraming(headers: Record<string, string>) {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !FRAMING_HEADERS.includes(name)));
}

describe.each([
  ['an AccessKey', undefined],
  ['an STS token', SECURITY_TOKEN],
])('signed with %s, the request is openapi-client’s, byte for byte', (_, securityToken) => {
  it('GetFlow: form body with every awkward character', async () => {
    const [adapter, reference] = await bothRequests(
      'GetFlow',
      'body',
      (provider) => provider.flows.doGet({ id: AWKWARD_TEXT }, callContext()),
      { CustSpaceId: CUST_SPACE_ID, FlowId: AWKWARD_TEXT },
      securityToken,
    );

    expect(adapter.path).toBe(reference.path);
    expect(adapter.body).toBe(reference.body);
    expect(withoutFraming(adapter.headers)).toEqual(withoutFraming(reference.headers));
    expect(adapter.headers.authorization).toBe(reference.headers.authorization);
  });

  it('ListChatappTemplate: query string with every awkward character', async () => {
    const [adapter, reference] = await bothRequests(
      'ListChatappTemplate',
      'query',
      (provider) => provider.templates.doList({ name: AWKWARD_TEXT, pageSize: 10 }, callContext()),
      {
        CustSpaceId: CUST_SPACE_ID,
        Name: AWKWARD_TEXT,
        TemplateType: 'WHATSAPP',
        Page: '{"Index":1,"Size":10}',
      },
      securityToken,
    );

    expect(adapter.path).toBe(reference.path);
    expect(adapter.body).toBe(reference.body);
    expect(withoutFraming(adapter.headers)).toEqual(withoutFraming(reference.headers));
  });
});

describe('the signed headers', () => {
  it('name the credential’s provider and the STS token, and the independent check accepts them', async () => {
    const sent: Sent[] = [];
    record(sent, JSON.parse(getFlowExampleBody));

    await testProvider({ securityToken: SECURITY_TOKEN }).flows.doGet({ id: 'f-1' }, callContext());

    const headers = sent[0]?.headers ?? {};
    expect(headers).toMatchObject({
      'x-acs-credentials-provider': 'static_sts',
      'x-acs-accesskey-id': ACCESS_KEY_ID,
      'x-acs-security-token': SECURITY_TOKEN,
    });
    expect(headers.authorization).toMatch(
      /SignedHeaders=content-type;host;x-acs-accesskey-id;x-acs-action;x-acs-content-sha256;x-acs-credentials-provider;x-acs-date;x-acs-security-token;x-acs-signature-nonce;x-acs-version,/,
    );
    const url = new URL(sent[0]?.path ?? '/', ORIGIN);
    expect(
      hasValidSignature(
        {
          method: 'POST',
          pathname: url.pathname,
          query: Object.fromEntries(url.searchParams),
          form: {},
          headers,
          body: sent[0]?.body ?? '',
        },
        ACCESS_KEY_SECRET,
      ),
    ).toBe(true);
  });
});
