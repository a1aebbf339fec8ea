import { describe, expect, it } from 'vitest';
import { canonicalRequest } from './cams-signature.js';

describe('the CAMS canonical request', () => {
  it('takes a signed header named like an Object.prototype property as absent, not inherited', () => {
    for (const name of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
      const parts = {
        method: 'POST',
        path: '/',
        query: [],
        headers: { host: 'cams.example' },
        payloadHash: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
      };
      expect(canonicalRequest({ ...parts, signedHeaders: ['host', name] }), name).toBeUndefined();
      expect(canonicalRequest({ ...parts, signedHeaders: ['host'] })).toContain('host:cams.example\n');
    }
  });
});
