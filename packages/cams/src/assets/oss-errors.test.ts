import { describe, expect, it } from 'vitest';
import { isStaleCredentialError, ossUploadError } from './oss-errors.js';

/** An error as ali-oss 6.23 builds it from OSS's XML error body (lib/client.js `requestError`). */
function ossClientError(status: number, code: string, message: string) {
  return Object.assign(new Error(message), {
    name: `${code}Error`,
    status,
    code,
    requestId: '5C3D9175B6FC201293AD4890',
    // ali-oss attaches the request's parameters, headers and token included.
    params: { headers: { 'x-oss-security-token': 'token-XYZ', authorization: 'OSS4-HMAC-SHA256 …' } },
  });
}

describe('ossUploadError', () => {
  it('leaves out the parser dump ali-oss makes of an answer that is not OSS XML (a proxy page)', () => {
    // ali-oss 6.23, given an HTML 502, reports its XML parser's failure with the page in it.
    const page = '<html><body><h1>502 Bad Gateway</h1></body></html>';
    const failure = Object.assign(
      new Error(`Unexpected close tag\nLine: 0\nColumn: 47\nChar: >\nraw xml: ${page}`),
      {
        status: 502,
      },
    );
    const error = ossUploadError(failure, ['token-XYZ']);
    expect(error.message).toBe(
      'OSS answered the upload with HTTP 502: an answer that is not an OSS error document',
    );
    expect(error).toMatchObject({ code: 'UNAVAILABLE', outcome: 'unknown' });
  });

  it.each([
    [403, 'SecurityTokenExpired', 'AUTHENTICATION', 'failed', true],
    [403, 'InvalidSecurityToken', 'AUTHENTICATION', 'failed', true],
    [403, 'SignatureDoesNotMatch', 'AUTHENTICATION', 'failed', false],
    [403, 'RequestTimeTooSkewed', 'AUTHENTICATION', 'failed', false],
    [403, 'AccessDenied', 'PERMISSION', 'failed', false],
    [400, 'InvalidDigest', 'INVALID_REQUEST', 'failed', false],
    [404, 'NoSuchBucket', 'INVALID_REQUEST', 'failed', false],
    [503, 'SlowDown', 'RATE_LIMITED', 'failed', true],
    [500, 'InternalError', 'UNAVAILABLE', 'unknown', true],
  ] as const)('HTTP %i %s → %s, %s, retryable %s', (status, code, normalized, outcome, retryable) => {
    const error = ossUploadError(ossClientError(status, code, 'refused'), ['token-XYZ']);

    expect(error).toMatchObject({
      provider: 'cams',
      code: normalized,
      vendorCode: code,
      httpStatusCode: status,
      requestId: '5C3D9175B6FC201293AD4890',
      outcome,
      retryable,
    });
  });

  it('tells which refusals new credentials may cure', () => {
    expect(isStaleCredentialError(ossUploadError(ossClientError(403, 'SecurityTokenExpired', 'x'), []))).toBe(
      true,
    );
    expect(isStaleCredentialError(ossUploadError(ossClientError(403, 'AccessDenied', 'x'), []))).toBe(false);
  });

  it('keeps neither the request parameters nor a secret quoted in the message', () => {
    const error = ossUploadError(ossClientError(403, 'AccessDenied', 'denied for token-XYZ'), ['token-XYZ']);

    const shown = JSON.stringify(error) + String(error.stack) + JSON.stringify(error.cause);
    expect(shown).not.toContain('token-XYZ');
    expect(shown).not.toContain('OSS4-HMAC-SHA256');
    expect(error.message).toContain('AccessDenied');
  });

  it('an error without a status is the OSS client refusing before sending', () => {
    expect(
      ossUploadError(new TypeError('Must provide String/Buffer/ReadableStream for put.'), []),
    ).toMatchObject({
      code: 'INVALID_REQUEST',
      outcome: 'not-sent',
    });
  });
});
