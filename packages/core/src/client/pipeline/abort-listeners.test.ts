import { getEventListeners } from 'node:events';
import { describe, expect, it } from 'vitest';
import { flow, ScriptedProvider } from '../../__fixtures__/scripted-provider.js';
import { createClient } from '../create-client.js';
import { systemClock } from './clock.js';

describe('one AbortSignal shared by many calls', () => {
  it('adds one listener to the signal, not one per call, and none once the calls are done', async () => {
    const warnings: Error[] = [];
    const onWarning = (warning: Error) => warnings.push(warning);
    process.on('warning', onWarning);
    try {
      const provider = new ScriptedProvider();
      const client = createClient({ provider, rateLimit: false });
      const controller = new AbortController();
      const release: (() => void)[] = [];
      for (let i = 0; i < 25; i += 1) {
        provider.script.getFlow.push(
          () => new Promise((resolve) => release.push(() => resolve({ value: flow(String(i)) }))),
        );
      }
      const calls = Array.from({ length: 25 }, (_, i) =>
        client.flows.get(String(i), { signal: controller.signal }),
      );
      await new Promise((resolve) => setImmediate(resolve));
      expect(getEventListeners(controller.signal, 'abort')).toHaveLength(1);
      for (const done of release) done();
      await Promise.all(calls);
      expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
      // Warnings are emitted on the next tick.
      await new Promise((resolve) => setImmediate(resolve));
      expect(warnings.filter((w) => w.name === 'MaxListenersExceededWarning')).toEqual([]);
    } finally {
      process.off('warning', onWarning);
    }
  });

  it('still aborts every call waiting on it, in flight or asleep', async () => {
    const provider = new ScriptedProvider();
    const client = createClient({ provider, rateLimit: false });
    const controller = new AbortController();
    for (let i = 0; i < 15; i += 1) provider.script.getFlow.push(() => new Promise(() => {}));
    const inFlight = Array.from({ length: 15 }, (_, i) =>
      client.flows.get(String(i), { signal: controller.signal }).catch((e: unknown) => e),
    );
    const asleep = Array.from({ length: 15 }, () =>
      systemClock.sleep(60_000, controller.signal).catch((e: unknown) => e),
    );
    await new Promise((resolve) => setImmediate(resolve));
    const reason = new Error('shutting down');
    controller.abort(reason);
    expect(await Promise.all([...inFlight, ...asleep])).toEqual(Array(30).fill(reason));
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
  });
});
