import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { send, sendCams } from '../__fixtures__/signed-requests.js';
import { VENDORS } from '../model.js';
import { type Emulator, startEmulator } from '../start-emulator.js';
import { RequestCounters } from './request-counters.js';

/** Operation names that are also properties every plain object has. */
const PROTOTYPE_NAMES = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'];

describe('request counters', () => {
  it('count operations named like Object.prototype properties as any other, for both vendors', () => {
    const counters = new RequestCounters();
    for (const vendor of VENDORS) {
      for (const name of PROTOTYPE_NAMES) counters.received(vendor, name);
      counters.received(vendor, 'constructor');
    }
    for (const vendor of VENDORS) {
      expect(counters.count(vendor, 'constructor')).toBe(2);
      for (const name of PROTOTYPE_NAMES.slice(1)) expect(counters.count(vendor, name)).toBe(1);
      expect(counters.count(vendor, 'propertyIsEnumerable')).toBe(0);
      expect(counters.count(vendor)).toBe(PROTOTYPE_NAMES.length + 1);
    }
    expect(counters.total).toBe(2 * (PROTOTYPE_NAMES.length + 1));
    const snapshot = counters.snapshot();
    for (const vendor of VENDORS) {
      const counts = snapshot.byOperation[vendor];
      expect(Object.keys(counts).sort()).toEqual([...PROTOTYPE_NAMES].sort());
      expect(Object.values(counts).every((count) => typeof count === 'number')).toBe(true);
      expect(Object.getPrototypeOf(counts)).toBe(Object.prototype);
    }
    expect(JSON.stringify(snapshot.byOperation.cams)).toContain('"__proto__":1');
    expect(({} as Record<string, unknown>).constructor).toBe(Object);
    counters.reset();
    expect(counters.snapshot()).toEqual({
      total: 0,
      rejected: 0,
      throttled: 0,
      byOperation: { nxcloud: {}, cams: {} },
    });
  });
});

describe('requests named like Object.prototype properties', () => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await startEmulator();
  });
  afterAll(() => emulator.close());

  it('are counted by their CAMS action, and a signed one is an unknown action (404)', async () => {
    const { accessKeyId, accessKeySecret, endpoint } = emulator.cams.config;
    for (const action of PROTOTYPE_NAMES) {
      // Unsigned: refused, but counted first under the action it names.
      const unsigned = await send(`${emulator.cams.url}/`, { headers: { 'x-acs-action': action } });
      expect(unsigned.status).toBe(400);
      const signed = await sendCams({ endpoint, accessKeyId, accessKeySecret, action });
      expect({ status: signed.status, body: signed.json() }).toMatchObject({
        status: 404,
        body: { Code: 'InvalidAction.NotFound' },
      });
    }
    for (const action of PROTOTYPE_NAMES) expect(emulator.requests.count('cams', action)).toBe(2);
    expect(emulator.requests.count('cams')).toBe(2 * PROTOTYPE_NAMES.length);
    expect(emulator.requests.total).toBe(2 * PROTOTYPE_NAMES.length);
  });
});

describe('RequestCounters.arrivals', () => {
  it('keeps the latest 10,000 arrivals with their times, filtered by vendor and operation', () => {
    let time = 0;
    const counters = new RequestCounters(() => time);
    for (let i = 0; i < 25_000; i++) {
      time = i;
      counters.received(i % 2 === 0 ? 'cams' : 'nxcloud', i % 4 === 0 ? 'GetFlow' : 'ListFlow');
    }
    const all = counters.arrivals();
    expect(all).toHaveLength(10_000);
    expect(all[0]).toEqual({ at: 15_000, vendor: 'cams', operation: 'GetFlow' });
    expect(all.at(-1)).toEqual({ at: 24_999, vendor: 'nxcloud', operation: 'ListFlow' });
    expect(counters.arrivals('cams', 'GetFlow')).toHaveLength(2_500);
    expect(counters.count('cams')).toBe(12_500);

    counters.reset();
    expect(counters.arrivals()).toEqual([]);
  });
});
