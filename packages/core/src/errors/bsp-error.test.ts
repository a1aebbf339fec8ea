import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { BspError, safeCause } from './bsp-error.js';
import {
  AuthenticationError,
  ConfigError,
  ConflictError,
  InvalidRequestError,
  NotFoundError,
  ProviderUnavailableError,
  RateLimitError,
  ResponseFormatError,
  UnsupportedOperationError,
} from './error-classes.js';
import { redactSecrets } from './redact-secrets.js';

describe('BspError', () => {
  it('carries the normalized code, vendor details and retryability', () => {
    const error = new RateLimitError('Too many requests', {
      provider: 'cams',
      vendorCode: 'System.LimitControl',
      httpStatusCode: 400,
      requestId: 'REQ-1',
    });
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({
      name: 'RateLimitError',
      code: 'RATE_LIMITED',
      provider: 'cams',
      vendorCode: 'System.LimitControl',
      httpStatusCode: 400,
      requestId: 'REQ-1',
      retryable: true,
      attempts: 1,
    });
  });

  it('is recognised across duplicate copies of the package by its Symbol.for marker', () => {
    const foreign = Object.assign(new Error('from another copy'), { code: 'NOT_FOUND' });
    Object.defineProperty(foreign, Symbol.for('whatsapp-bsp.error'), { value: true });
    expect(BspError.isInstance(foreign)).toBe(true);
    expect(NotFoundError.isInstance(foreign)).toBe(true);
    expect(AuthenticationError.isInstance(foreign)).toBe(false);
    expect(BspError.isInstance(new Error('plain'))).toBe(false);
    expect(BspError.isInstance(null)).toBe(false);
  });

  it('serializes its useful fields with toJSON', () => {
    const error = new AuthenticationError('Invalid signature', {
      provider: 'nxcloud',
      vendorCode: 1003,
      raw: { code: 1003, message: 'Invalid signature', data: null },
      cause: Object.assign(new Error('socket detail'), { code: 'E_DETAIL' }),
    });
    expect(JSON.parse(JSON.stringify(error))).toEqual({
      name: 'AuthenticationError',
      code: 'AUTHENTICATION',
      message: 'Invalid signature',
      provider: 'nxcloud',
      retryable: false,
      outcome: 'failed',
      attempts: 1,
      vendorCode: 1003,
      raw: { code: 1003, message: 'Invalid signature', data: null },
      cause: { name: 'Error', message: 'socket detail', code: 'E_DETAIL' },
    });
  });

  it('keeps only name, message and code of a cause, dropping request objects with secrets', () => {
    const transportError = Object.assign(new Error('Request failed'), {
      code: 'ECONNRESET',
      options: { headers: { sign: 'deadbeef-signature', accessSecret: 'TOP-SECRET' } },
    });
    const error = new AuthenticationError('refused', { cause: transportError });
    const shown = [
      inspect(error, { depth: 10 }),
      JSON.stringify(error),
      inspect(error.cause, { depth: 10 }),
    ].join();
    expect(shown).toContain('ECONNRESET');
    expect(shown).not.toContain('TOP-SECRET');
    expect(shown).not.toContain('deadbeef-signature');
    expect(Object.keys(safeCause(transportError))).toEqual(['name', 'code']);
  });
});

describe('redactSecrets', () => {
  it('replaces every occurrence of each secret and leaves short values alone', () => {
    expect(redactSecrets('key=AKID1234 sig AKID1234; x', ['AKID1234', 'ab', undefined])).toBe(
      'key=[REDACTED] sig [REDACTED]; x',
    );
  });

  it('redacts the percent-encoded and base64 spellings a secret takes on the wire', () => {
    // An STS token has `/`, `+` and `=`; a vendor may echo it from a query string or a form body.
    const token = 'CAIS/abc+def=ghi jkl==';
    const echoed = [
      encodeURIComponent(token),
      encodeURIComponent(token).toLowerCase(),
      encodeURIComponent(token).replace(/%20/g, '+'),
      Buffer.from(token).toString('base64'),
      Buffer.from(token).toString('base64').replace(/=+$/, ''),
      Buffer.from(token).toString('base64url'),
      `Basic ${Buffer.from(token).toString('base64')}`,
    ];
    for (const text of echoed) {
      const redacted = redactSecrets(`token=${text}&x=1`, [token]);
      expect(redacted, text).toContain('[REDACTED]');
      for (const form of echoed) expect(redacted).not.toContain(form.replace(/^Basic /, ''));
    }
  });

  it('leaves text without the secret as it is', () => {
    expect(redactSecrets('nothing to see: a=b+c%2F', ['CAIS/abc+def='])).toBe('nothing to see: a=b+c%2F');
  });
});

describe('outcome', () => {
  it('defaults by code: refusals in the process not-sent, vendor refusals failed, lost answers unknown', () => {
    expect(new InvalidRequestError('bad').outcome).toBe('not-sent');
    expect(new ConfigError('bad').outcome).toBe('not-sent');
    expect(new UnsupportedOperationError('no').outcome).toBe('not-sent');
    expect(new AuthenticationError('no').outcome).toBe('failed');
    expect(new RateLimitError('slow down').outcome).toBe('failed');
    expect(new NotFoundError('gone').outcome).toBe('failed');
    expect(new ConflictError('taken').outcome).toBe('failed');
    expect(new ProviderUnavailableError('timed out').outcome).toBe('unknown');
    expect(new ResponseFormatError('truncated').outcome).toBe('unknown');
  });

  it('is what the thrower says when it knows better', () => {
    expect(new ProviderUnavailableError('connection refused', { outcome: 'not-sent' }).outcome).toBe(
      'not-sent',
    );
    expect(new InvalidRequestError('vendor refused', { outcome: 'failed' }).outcome).toBe('failed');
  });

  it('ConflictError carries the state and serializes it', () => {
    const error = new ConflictError('flow is published', { provider: 'cams', state: 'PUBLISHED' });
    expect(ConflictError.isInstance(error)).toBe(true);
    expect(error.code).toBe('CONFLICT');
    expect(JSON.parse(JSON.stringify(error))).toMatchObject({
      code: 'CONFLICT',
      state: 'PUBLISHED',
      outcome: 'failed',
    });
  });
});
