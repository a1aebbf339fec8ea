import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type CamsCall, type NxcloudCall, sendCams, sendNxcloud } from '../__fixtures__/signed-requests.js';
import { type Emulator, startEmulator } from '../start-emulator.js';

let emulator: Emulator;
let clock = Date.parse('2025-03-01T08:00:00Z');

beforeAll(async () => {
  emulator = await startEmulator({ now: () => clock });
});
afterEach(() => {
  emulator.faults.clear();
  emulator.requests.reset();
});
afterAll(() => emulator.close());

function nxcloud(path = '/api/wa/getTemplate', action = 'getTemplate', overrides: Partial<NxcloudCall> = {}) {
  const config = emulator.nxcloud.config;
  return sendNxcloud({
    baseUrl: config.baseUrl,
    path,
    action,
    accessKey: config.accessKey,
    accessSecret: config.accessSecret,
    ts: clock,
    body: JSON.stringify({
      appkey: config.appKey,
      business_phone: config.businessPhone,
      phone: config.businessPhone,
      messaging_product: 'whatsapp',
    }),
    ...overrides,
  });
}

function cams(action = 'ListFlow', overrides: Partial<CamsCall> = {}) {
  const { accessKeyId, accessKeySecret, endpoint } = emulator.cams.config;
  return sendCams({ endpoint, accessKeyId, accessKeySecret, action, date: new Date(clock), ...overrides });
}

describe('each fault kind, over HTTP', () => {
  it('http-error: the given status for the next N requests, then normal answers', async () => {
    emulator.faults.set({
      kind: 'http-error',
      status: 500,
      times: 2,
      vendor: 'nxcloud',
      operation: 'getTemplate',
    });
    const answers = [await nxcloud(), await nxcloud(), await nxcloud()];
    expect(answers.map((answer) => answer.status)).toEqual([500, 500, 200]);
    expect(answers.map((answer) => (answer.json() as { code: number }).code)).toEqual([-1, -1, 0]);
    expect(answers[0]?.json()).toEqual({ code: -1, message: 'Internal Server Error', data: null });
    expect(emulator.faults.list()).toEqual([]);
    expect(emulator.requests.rejected).toBe(2);
  });

  it('http-error on CAMS: the gateway error body with a RequestId, and Retry-After when asked', async () => {
    emulator.faults.set({ kind: 'http-error', vendor: 'cams', retryAfterSeconds: 3 });
    const answer = await cams();
    expect(answer.status).toBe(503);
    expect(answer.headers['retry-after']).toBe('3');
    expect(answer.json()).toMatchObject({ Code: 'ServiceUnavailable', RequestId: expect.any(String) });
  });

  it('reset: the connection is destroyed without an answer', async () => {
    emulator.faults.set({ kind: 'reset', times: 1 });
    await expect(cams()).rejects.toThrow(/socket hang up|ECONNRESET/);
    await expect(nxcloud()).resolves.toMatchObject({ status: 200 });
  });

  it('malformed-json: HTTP 200 with the real answer cut short', async () => {
    const whole = (await nxcloud()).text;
    emulator.faults.set({ kind: 'malformed-json' });
    const answer = await nxcloud();
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toContain('application/json');
    expect(whole.startsWith(answer.text)).toBe(true);
    expect(answer.text.length).toBeLessThan(whole.length);
    expect(() => answer.json()).toThrow(SyntaxError);
  });

  it("html: the proxy's HTML error page with the given status", async () => {
    emulator.faults.set([
      { kind: 'html', vendor: 'cams' },
      { kind: 'html', status: 504, vendor: 'nxcloud' },
    ]);
    const camsAnswer = await cams();
    expect(camsAnswer.status).toBe(502);
    expect(camsAnswer.headers['content-type']).toBe('text/html');
    expect(camsAnswer.text).toContain('<title>502 Bad Gateway</title>');
    expect(camsAnswer.text).toContain('Tengine');
    const nxcloudAnswer = await nxcloud();
    expect(nxcloudAnswer.status).toBe(504);
    expect(nxcloudAnswer.text).toContain('nginx');
  });

  it("vendor-error: HTTP 200 carrying the vendor's failure code", async () => {
    emulator.faults.set({ kind: 'vendor-error' });
    expect((await nxcloud()).json()).toEqual({ code: -1, message: '请求失败', data: null });
    const camsAnswer = await cams();
    expect(camsAnswer.status).toBe(200);
    expect(camsAnswer.json()).toMatchObject({ Code: 'InternalError', RequestId: expect.any(String) });

    emulator.faults.set([
      { kind: 'vendor-error', code: 9001, vendor: 'nxcloud' },
      { kind: 'vendor-error', code: 'Throttling.Api', vendor: 'cams' },
    ]);
    expect((await nxcloud()).json()).toMatchObject({ code: 9001 });
    expect((await cams()).json()).toMatchObject({ Code: 'Throttling.Api' });
  });

  it('latency: the answer waits, other operations do not, and close() cuts the wait short', async () => {
    const slow = await startEmulator({ vendors: ['cams'], now: () => clock });
    slow.faults.set({ kind: 'latency', ms: 600_000, operation: 'ListFlow' });
    const { accessKeyId, accessKeySecret, endpoint } = slow.cams.config;
    let settled = false;
    const pending = sendCams({
      endpoint,
      accessKeyId,
      accessKeySecret,
      action: 'ListFlow',
      date: new Date(clock),
    }).finally(() => {
      settled = true;
    });
    const other = await sendCams({
      endpoint,
      accessKeyId,
      accessKeySecret,
      action: 'GetFlow',
      form: { FlowId: '3603023670018851' },
      date: new Date(clock),
    });
    expect(other.status).toBe(200);
    expect(slow.requests.count('cams', 'ListFlow')).toBe(1);
    expect(settled).toBe(false);
    await slow.close();
    await expect(pending).rejects.toThrow();
  });

  it('latency: a short added wait, then the normal answer', async () => {
    emulator.faults.set({ kind: 'latency', ms: 5, times: 1 });
    expect((await nxcloud()).json()).toMatchObject({ code: 0 });
    expect(emulator.requests.rejected).toBe(0);
  });
});

describe('quotas', () => {
  it('answer CAMS System.LimitControl when exceeded, per operation, and admit requests again after refill', async () => {
    emulator.faults.set({ kind: 'quota', requestsPerSecond: 2, vendor: 'cams', retryAfterSeconds: 1 });
    const statuses = async (count: number, action = 'ListFlow') => {
      const out: number[] = [];
      for (let i = 0; i < count; i++) out.push((await cams(action)).status);
      return out;
    };
    expect(await statuses(3)).toEqual([200, 200, 400]);
    const throttled = await cams();
    expect(throttled.headers['retry-after']).toBe('1');
    expect(throttled.json()).toMatchObject({
      Code: 'System.LimitControl',
      Message: 'The system is under flow control.',
    });
    // Each operation has its own budget, as CAMS counts them.
    expect((await cams('GetFlow', { form: { FlowId: '3603023670018851' } })).status).toBe(200);

    clock += 500;
    expect(await statuses(2)).toEqual([200, 400]);
    clock += 1000;
    expect(await statuses(3)).toEqual([200, 200, 400]);
    expect(emulator.requests.throttled).toBe(4);
    expect(emulator.requests.rejected).toBe(4);
    expect(emulator.requests.count('cams', 'ListFlow')).toBe(9);
    const start = clock - 1500;
    expect(emulator.requests.arrivals('cams', 'ListFlow').map((arrival) => arrival.at - start)).toEqual([
      0, 0, 0, 0, 500, 500, 1500, 1500, 1500,
    ]);
  });

  it('answer Throttling.User when asked, and NXCloud HTTP 429 in its envelope', async () => {
    emulator.faults.set([
      { kind: 'quota', requestsPerSecond: 1, vendor: 'cams', code: 'Throttling.User' },
      { kind: 'quota', requestsPerSecond: 1, burst: 2, vendor: 'nxcloud' },
    ]);
    await cams();
    expect((await cams()).json()).toMatchObject({ Code: 'Throttling.User' });
    expect((await nxcloud()).status).toBe(200);
    expect((await nxcloud()).status).toBe(200);
    const limited = await nxcloud();
    expect(limited.status).toBe(429);
    expect(limited.json()).toEqual({ code: 429, message: 'Too Many Requests', data: null });
  });
});

describe('fault rules at run time', () => {
  it('apply by vendor and operation, and can be changed or cleared while running', async () => {
    emulator.faults.add({ kind: 'http-error', status: 502, vendor: 'cams', operation: 'GetFlow' });
    expect((await cams()).status).toBe(200);
    expect((await cams('GetFlow', { form: { FlowId: '1' } })).status).toBe(502);
    expect((await nxcloud()).status).toBe(200);

    emulator.faults.add({ kind: 'http-error', status: 500, vendor: 'nxcloud' });
    emulator.faults.clear('cams');
    expect(emulator.faults.list()).toEqual([{ kind: 'http-error', status: 500, vendor: 'nxcloud' }]);
    expect((await cams('GetFlow', { form: { FlowId: '3603023670018851' } })).status).toBe(200);
    expect((await nxcloud()).status).toBe(500);
    emulator.faults.clear();
    expect((await nxcloud()).status).toBe(200);
  });

  it('are checked when set', () => {
    expect(() => emulator.faults.set({ kind: 'meltdown' } as never)).toThrow('fault.kind');
    expect(() => emulator.faults.set({ kind: 'http-error', status: 200 })).toThrow('fault.status');
    expect(() => emulator.faults.set({ kind: 'quota', requestsPerSecond: 0 })).toThrow(
      'fault.requestsPerSecond',
    );
    expect(() => emulator.faults.add({ kind: 'reset', times: 0 })).toThrow('fault.times');
  });
});

describe('request counters', () => {
  it('count requests per vendor and operation, and reset', async () => {
    expect(emulator.requests.total).toBe(0);
    await nxcloud();
    await nxcloud('/v1/wa/m/flows/queryFlowsByPhone', 'queryFlowsByPhone');
    await cams('GetFlowPreviewUrl', { form: { FlowId: '3603023670018851' } });
    expect(emulator.requests.snapshot()).toEqual({
      total: 3,
      rejected: 0,
      throttled: 0,
      byOperation: { nxcloud: { getTemplate: 1, queryFlowsByPhone: 1 }, cams: { GetFlowPreviewUrl: 1 } },
    });
    expect(emulator.requests.count('nxcloud')).toBe(2);
    emulator.requests.reset();
    expect(emulator.requests.count('nxcloud')).toBe(0);
  });
});
