import { describe, expect, it } from 'vitest';
import { constantTimeEqual } from './constant-time-equal.js';
import { jsonFingerprint, webhookEventId } from './webhook-event-id.js';

describe('webhookEventId', () => {
  it('joins the provider and the identity fields, an absent field empty', () => {
    expect(webhookEventId('cams', ['waba', 'code', 'en_US', 'pass'])).toBe('cams:waba:code:en_US:pass');
    expect(webhookEventId('nxcloud', [undefined, 'flows', 12, ''])).toBe('nxcloud::flows:12:');
  });

  it('never gives different fields the same id', () => {
    expect(webhookEventId('p', ['a:b', 'c'])).not.toBe(webhookEventId('p', ['a', 'b:c']));
    expect(webhookEventId('p', ['a%3Ab'])).not.toBe(webhookEventId('p', ['a:b']));
    expect(webhookEventId('p', ['a:b'])).toBe('p:a%3Ab');
  });
});

describe('jsonFingerprint', () => {
  it('is stable for equal JSON and differs for different JSON', () => {
    expect(jsonFingerprint({ a: [1, 'x'] })).toBe(jsonFingerprint(JSON.parse('{"a":[1,"x"]}')));
    expect(jsonFingerprint({ a: [1, 'x'] })).not.toBe(jsonFingerprint({ a: [1, 'y'] }));
    expect(jsonFingerprint(undefined)).toMatch(/^[\w-]{22}$/);
  });
});

describe('constantTimeEqual', () => {
  it('compares texts of any length', () => {
    expect(constantTimeEqual('secret', 'secret')).toBe(true);
    expect(constantTimeEqual('secret', 'secreT')).toBe(false);
    expect(constantTimeEqual('', 'secret')).toBe(false);
    expect(constantTimeEqual('秘密', '秘密')).toBe(true);
  });
});
