import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { signNxcloud } from './nxcloud-sign.js';

// The inputs shared by the signing samples of NXCloud's API convention page (API接口调用约定 /
// "API Interface Invocation Convention"): V1 is its Java and C# samples and its worked example,
// V2 its PHP and Go samples, V3 its Python sample; each serialises the same body differently.
// D1-D4 are not published by NXCloud: they apply the documented algorithm to the same inputs, for
// SHA-256 and for body-less signing.
const VECTOR = {
  accessKey: 'fme2na3kdi3ki',
  accessSecret: 'abciiiko2k3',
  action: 'send',
  bizType: 1,
  ts: 1655710885431,
};
const V1_BODY = '{"name":"牛小信","id":10001}';
const V2_BODY = '{"id":10001,"name":"牛小信"}';
const V3_BODY = '{"id": 10001, "name": "牛小信"}';

describe('signNxcloud: vendor-published vectors (md5)', () => {
  it.each([
    ['V1', V1_BODY, '87c3560d3331ae23f1021e2025722354'],
    ['V2', V2_BODY, '7750759da06333f20d0640be09355e34'],
    ['V3', V3_BODY, 'd0c24a9886c629330d7f3f2056c65bc2'],
  ])('%s', (_name, body, expected) => {
    expect(signNxcloud({ ...VECTOR, body })).toBe(expected);
    expect(signNxcloud({ ...VECTOR, body, algorithm: 'md5' })).toBe(expected);
  });
});

describe('signNxcloud: derived vectors (sha256, no body)', () => {
  it('D1: V1 input with sha256', () => {
    expect(signNxcloud({ ...VECTOR, body: V1_BODY, algorithm: 'sha256' })).toBe(
      'e0eec2c99ef80f269a82795e2223f618ebfc0616c8b6c8c7d438021ec38ad0eb',
    );
  });
  it('D2: no body, md5', () => {
    expect(signNxcloud(VECTOR)).toBe('884afe159e39b6c88a0d6102ca97d704');
  });
  it('D2: an empty body is signed as no body', () => {
    expect(signNxcloud({ ...VECTOR, body: '' })).toBe('884afe159e39b6c88a0d6102ca97d704');
  });
  it('D3: no body, sha256', () => {
    expect(signNxcloud({ ...VECTOR, algorithm: 'sha256' })).toBe(
      '921e82155cc02cdf78da934307c33cdca3f412d35ddb5b965482a2e029e900f4',
    );
  });
  it('D4: V2 input with sha256', () => {
    expect(signNxcloud({ ...VECTOR, body: V2_BODY, algorithm: 'sha256' })).toBe(
      'd04863619d46121592cdb312ec0a91c148a1f5daea64930ad0e1fb31a04dc808',
    );
  });
  it('the bizType and ts may be given as strings, as they are sent', () => {
    expect(signNxcloud({ ...VECTOR, bizType: '1', ts: '1655710885431', body: V1_BODY })).toBe(
      '87c3560d3331ae23f1021e2025722354',
    );
  });
});

describe('signNxcloud: properties', () => {
  const algorithm = fc.constantFrom('md5' as const, 'sha256' as const);
  const input = fc.record({
    accessKey: fc.string({ minLength: 1 }),
    accessSecret: fc.string({ minLength: 1 }),
    action: fc.string({ minLength: 1 }),
    bizType: fc.constant('2'),
    ts: fc.integer({ min: 0 }).map(String),
    body: fc.json(),
    algorithm,
  });

  it('is deterministic and lower-case hex of the algorithm length', () => {
    fc.assert(
      fc.property(input, (value) => {
        const sign = signNxcloud(value);
        expect(signNxcloud({ ...value })).toBe(sign);
        expect(sign).toMatch(value.algorithm === 'md5' ? /^[0-9a-f]{32}$/ : /^[0-9a-f]{64}$/);
      }),
    );
  });

  it('changes with any change of the body', () => {
    fc.assert(
      fc.property(input, fc.json(), (value, otherBody) => {
        fc.pre(otherBody !== value.body);
        expect(signNxcloud({ ...value, body: otherBody })).not.toBe(signNxcloud(value));
      }),
    );
  });

  it('changes with a single whitespace change in the body (no canonicalisation)', () => {
    fc.assert(
      fc.property(input, fc.nat(), (value, position) => {
        const at = position % (value.body.length + 1);
        const spaced = `${value.body.slice(0, at)} ${value.body.slice(at)}`;
        expect(signNxcloud({ ...value, body: spaced })).not.toBe(signNxcloud(value));
      }),
    );
  });
});
