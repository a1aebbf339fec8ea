/*
 * Not a payload: request builders for the tests. They sign with node:crypto directly, written
 * from the vendors' own signing pages, so that the emulator's own signature code is checked
 * against a separate implementation.
 */
import { createHash, createHmac, randomUUID } from 'node:crypto';
import { request as httpRequest } from 'node:http';

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json(): unknown;
}

/** One HTTP request over a fresh connection (no agent pooling), body sent as given. */
export function send(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {},
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      url,
      { method: options.method ?? 'POST', headers: options.headers, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json: () => JSON.parse(text) });
        });
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

export interface NxcloudCall {
  baseUrl: string;
  path: string;
  accessKey: string;
  accessSecret: string;
  action: string;
  /** The exact body bytes to sign and send. */
  body: string;
  ts: number;
  bizType?: string;
  algorithm?: 'md5' | 'sha256';
  /** Sends the `algorithm` header even for md5. */
  algorithmHeader?: boolean;
  contentType?: string;
  /** Replaces the body after signing. */
  sentBody?: string | Buffer;
  /** Headers to leave out. */
  omit?: string[];
}

/** The NXCloud sign, built as the string its API convention page prints and hashed. */
export function nxcloudSign(
  call: Pick<NxcloudCall, 'accessKey' | 'accessSecret' | 'action' | 'body' | 'ts' | 'bizType' | 'algorithm'>,
): string {
  const bodyPart = call.body === '' ? '' : `&body=${call.body}`;
  const text = `accessKey=${call.accessKey}&action=${call.action}&bizType=${call.bizType ?? '2'}&ts=${call.ts}${bodyPart}&accessSecret=${call.accessSecret}`;
  return createHash(call.algorithm ?? 'md5')
    .update(text, 'utf8')
    .digest('hex');
}

export function sendNxcloud(call: NxcloudCall): Promise<RawResponse> {
  const headers: Record<string, string> = {
    'content-type': call.contentType ?? 'application/json',
    accessKey: call.accessKey,
    ts: String(call.ts),
    bizType: call.bizType ?? '2',
    action: call.action,
    sign: nxcloudSign(call),
  };
  if (call.algorithm === 'sha256' || call.algorithmHeader) headers.algorithm = call.algorithm ?? 'md5';
  for (const name of call.omit ?? []) delete headers[name];
  return send(`${call.baseUrl}${call.path}`, { headers, body: call.sentBody ?? call.body });
}

export interface CamsCall {
  /** `host:port` */
  endpoint: string;
  accessKeyId: string;
  accessKeySecret: string;
  action: string;
  version?: string;
  query?: Record<string, string>;
  form?: Record<string, string>;
  date?: Date;
  nonce?: string;
  securityToken?: string;
  /** Replaces the body after signing. */
  sentBody?: string;
  /** Headers to leave out of the signed list (they are still sent). */
  unsigned?: string[];
  /** Headers to leave out entirely. */
  omit?: string[];
}

const rfc3986 = (value: string) =>
  encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/**
 * A CAMS RPC call signed with ACS3-HMAC-SHA256 as Alibaba Cloud describes it:
 * https://www.alibabacloud.com/help/en/sdk/product-overview/v3-request-structure-and-signature
 */
export function sendCams(call: CamsCall): Promise<RawResponse> {
  const query = Object.entries(call.query ?? {})
    .map(([name, value]) => `${rfc3986(name)}=${rfc3986(value)}`)
    .sort()
    .join('&');
  const body = call.form
    ? Object.entries(call.form)
        .map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`)
        .join('&')
    : '';
  const headers: Record<string, string> = {
    host: call.endpoint,
    'x-acs-action': call.action,
    'x-acs-version': call.version ?? '2020-06-06',
    'x-acs-date': (call.date ?? new Date()).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    'x-acs-signature-nonce': call.nonce ?? randomUUID(),
    'x-acs-content-sha256': createHash('sha256').update(body).digest('hex'),
  };
  if (call.form) headers['content-type'] = 'application/x-www-form-urlencoded';
  if (call.securityToken) headers['x-acs-security-token'] = call.securityToken;
  const signed = Object.keys(headers)
    .filter((name) => !(call.unsigned ?? []).includes(name))
    .sort();
  const canonical = [
    'POST',
    '/',
    query,
    signed.map((name) => `${name}:${headers[name]?.trim()}\n`).join(''),
    signed.join(';'),
    headers['x-acs-content-sha256'],
  ].join('\n');
  const stringToSign = `ACS3-HMAC-SHA256\n${createHash('sha256').update(canonical).digest('hex')}`;
  const signature = createHmac('sha256', call.accessKeySecret).update(stringToSign).digest('hex');
  headers.authorization = `ACS3-HMAC-SHA256 Credential=${call.accessKeyId},SignedHeaders=${signed.join(';')},Signature=${signature}`;
  for (const name of call.omit ?? []) delete headers[name];
  return send(`http://${call.endpoint}/${query ? `?${query}` : ''}`, {
    headers,
    body: call.sentBody ?? body,
  });
}
