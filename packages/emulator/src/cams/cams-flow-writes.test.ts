import Cams, { GetChatappUploadAuthorizationRequest } from '@alicloud/cams20200606';
import { Config } from '@alicloud/openapi-client';
import OSS from 'ali-oss';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { commonJsClass } from '../__fixtures__/common-js.js';
import { ManualClock } from '../__fixtures__/manual-clock.js';
import { send, sendCams } from '../__fixtures__/signed-requests.js';
import { type Emulator, startEmulator } from '../start-emulator.js';

/*
 * Requests built to the wire shape of CAMS's flow pages as the official SDK 1.4.2 sends them (a
 * form body; `Categories` as JSON text):
 * https://www.alibabacloud.com/help/en/chatapp/developer-reference/api-cams-2020-06-06-createflow
 * and its siblings -modifyflow, -publishflow, -deprecateflow, -deleteflow, -updateflowjsonasset,
 * -getflowjsonassest.
 */

const CamsClient = commonJsClass(Cams);

let emulator: Emulator<'cams'>;
// The signature checks want dates near the emulator's clock: start it now.
const clock = new ManualClock(Date.now());

beforeAll(async () => {
  emulator = await startEmulator({ vendors: ['cams'], now: clock.now, timers: clock });
});
afterAll(() => emulator.close());
beforeEach(() => {
  emulator.faults.clear();
});

type Answer = { Code: string; Message: string; Data?: Record<string, unknown> };

async function cams(action: string, params: Record<string, string>) {
  const { accessKeyId, accessKeySecret, custSpaceId } = emulator.cams.config;
  const response = await sendCams({
    endpoint: emulator.cams.endpoint,
    accessKeyId,
    accessKeySecret,
    action,
    date: new Date(clock.now()),
    form: { CustSpaceId: custSpaceId, ...params },
  });
  return { status: response.status, body: response.json() as Answer };
}

async function createFlow(name: string, extra: Record<string, string> = {}): Promise<string> {
  const { body } = await cams('CreateFlow', { FlowName: name, Categories: '["SIGN_UP"]', ...extra });
  expect(body.Code).toBe('OK');
  return body.Data?.FlowId as string;
}

const statusOf = (id: string) => emulator.store.flows.get(id)?.status;

/** Puts a file in the OSS look-alike, as a user's upload with GetChatappUploadAuthorization's credentials would. */
function hosted(key: string, text: string): string {
  emulator.cams.oss.objects.put(key, Buffer.from(text), 'application/json');
  return key;
}

const FLOW_JSON = `{"version":"6.0","screens":[{"id":"ONLY","terminal":true,"title":"Merci ✓",
  "layout":{"type":"SingleColumnLayout","children":[{"type":"Footer","label":"Done","on-click-action":{"name":"complete","payload":{}}}]}}]}`;

describe('CAMS CreateFlow and ModifyFlow', () => {
  it('CreateFlow answers Data { FlowId, FlowName, Categories }; GetFlow shows the new DRAFT', async () => {
    const { status, body } = await cams('CreateFlow', {
      FlowName: 'Flow-001',
      Categories: '["SIGN_UP","OTHER"]',
      EndpointUri: 'https://flows.example.com/endpoint',
    });
    expect(status).toBe(200);
    expect(body).toMatchObject({
      Code: 'OK',
      Data: {
        FlowId: expect.stringMatching(/^\d+$/),
        FlowName: 'Flow-001',
        Categories: ['SIGN_UP', 'OTHER'],
      },
    });
    const flow = await cams('GetFlow', { FlowId: body.Data?.FlowId as string });
    expect(flow.body.Data).toMatchObject({
      Status: 'DRAFT',
      FlowName: 'Flow-001',
      EndpointUri: 'https://flows.example.com/endpoint',
    });
  });

  it('refuses a taken name, a bad Categories value and a missing FlowName', async () => {
    await createFlow('cams_taken');
    const taken = await cams('CreateFlow', { FlowName: 'cams_taken', Categories: '["OTHER"]' });
    expect({ status: taken.status, code: taken.body.Code }).toEqual({
      status: 400,
      code: 'InvalidParameter.FlowNameExist',
    });
    expect((await cams('CreateFlow', { FlowName: 'x', Categories: 'SIGN_UP' })).body.Code).toBe(
      'InvalidParameter',
    );
    expect((await cams('CreateFlow', { FlowName: 'x', Categories: '["SHOPPING"]' })).body.Code).toBe(
      'InvalidParameter',
    );
    expect((await cams('CreateFlow', { Categories: '["OTHER"]' })).body.Code).toBe('MissingParameter');
    expect(emulator.store.flows.named('x').count).toBe(0);
  });

  it('ignores a CloneFlowId, which CAMS does not document: the new flow starts from the default document', async () => {
    const source = await createFlow('cams_clone_source');
    emulator.flows.setJson(source, FLOW_JSON);
    const copy = await createFlow('cams_clone_attempt', { CloneFlowId: source });
    expect(emulator.flows.json(copy)).not.toBe(FLOW_JSON);
  });

  it('ModifyFlow changes what it is given, answers the flow, and sends a published flow back to DRAFT', async () => {
    const id = await createFlow('cams_to_modify');
    await cams('PublishFlow', { FlowId: id });
    const { body } = await cams('ModifyFlow', { FlowId: id, Categories: '["SURVEY"]' });
    expect(body.Data).toEqual({ FlowId: id, FlowName: 'cams_to_modify', Categories: ['SURVEY'] });
    expect(statusOf(id)).toBe('DRAFT');
    await createFlow('cams_other');
    expect((await cams('ModifyFlow', { FlowId: id, FlowName: 'cams_other' })).body.Code).toBe(
      'InvalidParameter.FlowNameExist',
    );
    expect((await cams('ModifyFlow', { FlowId: id })).body.Code).toBe('InvalidParameter');
    expect((await cams('ModifyFlow', { FlowId: '1', FlowName: 'y' })).body.Code).toBe(
      'DetailError.FlowNotExist',
    );
  });
});

describe("CAMS flow transitions (Meta's state machine)", () => {
  const action = async (name: string, id: string) => (await cams(name, { FlowId: id })).body;

  it('publish, deprecate and delete only from the states Meta allows, with the status in the refusal', async () => {
    const id = await createFlow('cams_lifecycle');
    expect(await action('DeprecateFlow', id)).toMatchObject({
      Code: 'InvalidParameter.FlowStatusError',
      Message: 'The flow is DRAFT: only PUBLISHED flows can be deprecated.',
    });
    expect((await action('PublishFlow', id)).Code).toBe('OK');
    expect(statusOf(id)).toBe('PUBLISHED');
    expect(await action('PublishFlow', id)).toMatchObject({ Code: 'InvalidParameter.FlowStatusError' });
    expect(await action('DeleteFlow', id)).toMatchObject({
      Code: 'InvalidParameter.FlowStatusError',
      Message: 'The flow is PUBLISHED: only DRAFT flows can be deleted (deprecate it instead).',
    });
    expect((await action('DeprecateFlow', id)).Code).toBe('OK');
    expect(statusOf(id)).toBe('DEPRECATED');
    expect((await cams('ModifyFlow', { FlowId: id, FlowName: 'late' })).body.Code).toBe(
      'InvalidParameter.FlowStatusError',
    );
    const draft = await createFlow('cams_deletable');
    expect(await action('DeleteFlow', draft)).toMatchObject({ Code: 'OK' });
    expect(emulator.store.flows.get(draft)).toBeUndefined();
    expect((await action('PublishFlow', draft)).Code).toBe('DetailError.FlowNotExist');
  });

  it('a flow whose Flow JSON has validation errors is not published; CAMS itself reports none', async () => {
    const id = await createFlow('cams_invalid_json');
    const key = hosted('chatapp/cams-emulator-space/broken.json', '{"version":"7.0","screens":[]}');
    const updated = await cams('UpdateFlowJSONAsset', {
      FlowId: id,
      FilePath: `${emulator.cams.oss.url}/${emulator.cams.oss.bucket}/${key}`,
    });
    expect(updated.body).toMatchObject({ Code: 'OK', Data: { FlowId: id } });
    expect(JSON.stringify(updated.body)).not.toContain('INVALID_PROPERTY_VALUE');
    expect(emulator.store.flows.get(id)?.validationErrors).toHaveLength(1);
    expect(await action('PublishFlow', id)).toMatchObject({ Code: 'InvalidParameter.FlowValidationError' });
    expect(statusOf(id)).toBe('DRAFT');
  });
});

describe('CAMS UpdateFlowJSONAsset and GetFlowJSONAssest', () => {
  it('fetches the FilePath from the OSS look-alike in the URL forms that name it, and serves it back byte for byte', async () => {
    const { bucket, url } = emulator.cams.oss;
    const host = url.replace('http://', '');
    const key = hosted('chatapp/cams-emulator-space/flow-forms.json', FLOW_JSON);
    const forms = [
      `${url}/${bucket}/${key}`,
      `https://${bucket}.${host}/${key}`,
      `http://${bucket}.${host}/${key}?Expires=1700000000&Signature=abc`,
      `https://${bucket}.oss-ap-southeast-1.aliyuncs.com/${key}`,
    ];
    for (const filePath of forms) {
      const id = await createFlow(`cams_json_${forms.indexOf(filePath)}`);
      expect((await cams('UpdateFlowJSONAsset', { FlowId: id, FilePath: filePath })).body.Code).toBe('OK');
      const asset = (await cams('GetFlowJSONAssest', { FlowId: id })).body;
      expect(asset).toMatchObject({
        Code: 'OK',
        Data: { FlowId: id, FilePath: `${emulator.cams.url}/assets/flows/${id}/flow.json` },
      });
      const downloaded = await send(asset.Data?.FilePath as string, { method: 'GET' });
      expect({ status: downloaded.status, text: downloaded.text }).toEqual({ status: 200, text: FLOW_JSON });
      expect(emulator.store.flows.get(id)).toMatchObject({ jsonVersion: '6.0', validationErrors: [] });
    }
  });

  it('takes a FilePath the emulator handed out itself: a Flow JSON copied from another flow', async () => {
    const source = await createFlow('cams_copy_source');
    emulator.flows.setJson(source, FLOW_JSON);
    const target = await createFlow('cams_copy_target');
    const filePath = (await cams('GetFlowJSONAssest', { FlowId: source })).body.Data?.FilePath as string;
    expect((await cams('UpdateFlowJSONAsset', { FlowId: target, FilePath: filePath })).body.Code).toBe('OK');
    expect(emulator.flows.json(target)).toBe(FLOW_JSON);
  });

  it('answers InvalidParameter.FileUrlError for a file it does not host, and never goes out', async () => {
    const id = await createFlow('cams_unreachable');
    const { bucket, url } = emulator.cams.oss;
    for (const filePath of [
      'https://www.example.com/files/document.json',
      `${url}/${bucket}/chatapp/missing.json`,
      `${url}/another-bucket/flow.json`,
      `https://another-bucket.oss-ap-southeast-1.aliyuncs.com/flow.json`,
      'ftp://files.example.com/flow.json',
      `${emulator.cams.url}/assets/flows/1/flow.json`,
    ]) {
      const { status, body } = await cams('UpdateFlowJSONAsset', { FlowId: id, FilePath: filePath });
      expect({ filePath, status, code: body.Code }).toEqual({
        filePath,
        status: 400,
        code: 'InvalidParameter.FileUrlError',
      });
    }
    // The flow is looked up first.
    expect(
      (await cams('UpdateFlowJSONAsset', { FlowId: '1', FilePath: 'https://x.example/a.json' })).body.Code,
    ).toBe('DetailError.FlowNotExist');
    expect((await cams('UpdateFlowJSONAsset', { FlowId: id })).body.Code).toBe('MissingParameter');
  });

  it('works end to end with the official clients: upload authorization, ali-oss V4 upload, the virtual-hosted URL', async () => {
    const sdk = new CamsClient(new Config(emulator.cams.config));
    const { body } = await sdk.getChatappUploadAuthorization(
      new GetChatappUploadAuthorizationRequest({ custSpaceId: emulator.cams.config.custSpaceId }),
    );
    const data = body?.data;
    const oss = new OSS({
      region: 'oss-ap-southeast-1',
      endpoint: data?.endPoint,
      bucket: data?.bucketName,
      accessKeyId: data?.accessKeyId ?? '',
      accessKeySecret: data?.accessKeySecret ?? '',
      stsToken: data?.securityToken,
      refreshSTSToken: async () => ({
        accessKeyId: data?.accessKeyId ?? '',
        accessKeySecret: data?.accessKeySecret ?? '',
        stsToken: data?.securityToken ?? '',
      }),
      refreshSTSTokenInterval: 3_600_000,
      authorizationV4: true,
      timeout: 5000,
    });
    const key = `${data?.dir}/flow-end-to-end.json`;
    await oss.put(key, Buffer.from(FLOW_JSON), { mime: 'application/json' });
    const id = await createFlow('cams_end_to_end');
    const endpointHost = (data?.endPoint ?? '').replace(/^https?:\/\//, '');
    const filePath = `https://${data?.bucketName}.${endpointHost}/${key}`;
    expect((await cams('UpdateFlowJSONAsset', { FlowId: id, FilePath: filePath })).body.Code).toBe('OK');
    expect(emulator.flows.json(id)).toBe(FLOW_JSON);
    expect((await cams('PublishFlow', { FlowId: id })).body.Code).toBe('OK');
  });
});

describe('CAMS flow writes under faults and quotas', () => {
  it("answers over a quota with System.LimitControl, and the write doesn't happen", async () => {
    const id = await createFlow('cams_quota');
    emulator.faults.set({ kind: 'quota', vendor: 'cams', operation: 'PublishFlow', requestsPerSecond: 1 });
    const other = await createFlow('cams_quota_other');
    emulator.requests.reset();
    expect((await cams('PublishFlow', { FlowId: id })).body.Code).toBe('OK');
    const throttled = await cams('PublishFlow', { FlowId: other });
    expect({ status: throttled.status, code: throttled.body.Code }).toEqual({
      status: 400,
      code: 'System.LimitControl',
    });
    expect(statusOf(other)).toBe('DRAFT');
    expect(emulator.requests.count('cams', 'PublishFlow')).toBe(2);
  });

  it('faults apply to the Flow JSON download too', async () => {
    const id = await createFlow('cams_download_fault');
    const filePath = (await cams('GetFlowJSONAssest', { FlowId: id })).body.Data?.FilePath as string;
    emulator.faults.set({ kind: 'reset', vendor: 'cams', operation: 'downloadFlowJson', times: 1 });
    await expect(send(filePath, { method: 'GET' })).rejects.toThrow();
    expect((await send(filePath, { method: 'GET' })).status).toBe(200);
  });
});
