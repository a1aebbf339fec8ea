import { describe, expect, it } from 'vitest';
import { nxcloudSignature, nxcloudSignatureMatches } from './nxcloud-signature.js';

// The MD5 signs NXCloud publishes for one request in its samples (the Java/C# body, the PHP/Go
// body and the Python body differ only in how the JSON was written), and signs derived from the
// same inputs for SHA-256 and for an empty body, which no vendor page gives.
const headers = { accessKey: 'fme2na3kdi3ki', action: 'send', bizType: '1', ts: '1655710885431' };
const secret = 'abciiiko2k3';
const body = (text: string) => Buffer.from(text, 'utf8');

describe('nxcloudSignature', () => {
  it.each([
    ['V1', '{"name":"牛小信","id":10001}', '87c3560d3331ae23f1021e2025722354'],
    ['V2', '{"id":10001,"name":"牛小信"}', '7750759da06333f20d0640be09355e34'],
    ['V3', '{"id": 10001, "name": "牛小信"}', 'd0c24a9886c629330d7f3f2056c65bc2'],
  ])('matches the vendor-published MD5 vector %s', (_name, text, sign) => {
    expect(nxcloudSignature(headers, body(text), secret, 'md5')).toBe(sign);
  });

  it.each([
    [
      'D1',
      '{"name":"牛小信","id":10001}',
      'sha256',
      'e0eec2c99ef80f269a82795e2223f618ebfc0616c8b6c8c7d438021ec38ad0eb',
    ],
    ['D2', '', 'md5', '884afe159e39b6c88a0d6102ca97d704'],
    ['D3', '', 'sha256', '921e82155cc02cdf78da934307c33cdca3f412d35ddb5b965482a2e029e900f4'],
    [
      'D4',
      '{"id":10001,"name":"牛小信"}',
      'sha256',
      'd04863619d46121592cdb312ec0a91c148a1f5daea64930ad0e1fb31a04dc808',
    ],
  ] as const)('matches the derived vector %s', (_name, text, algorithm, sign) => {
    expect(nxcloudSignature(headers, body(text), secret, algorithm)).toBe(sign);
  });

  it('hashes the body bytes exactly as received', () => {
    const compact = nxcloudSignature(headers, body('{"a":1}'), secret, 'md5');
    expect(nxcloudSignature(headers, body('{"a": 1}'), secret, 'md5')).not.toBe(compact);
    expect(nxcloudSignature(headers, body('{"a":1}\n'), secret, 'md5')).not.toBe(compact);
  });
});

describe('nxcloudSignatureMatches', () => {
  it('accepts only the exact lower-case digest', () => {
    expect(
      nxcloudSignatureMatches('87c3560d3331ae23f1021e2025722354', '87c3560d3331ae23f1021e2025722354'),
    ).toBe(true);
    expect(
      nxcloudSignatureMatches('87c3560d3331ae23f1021e2025722354', '87c3560d3331ae23f1021e2025722355'),
    ).toBe(false);
    expect(nxcloudSignatureMatches('87c3560d3331ae23f1021e2025722354', '87c3560d')).toBe(false);
  });
});
