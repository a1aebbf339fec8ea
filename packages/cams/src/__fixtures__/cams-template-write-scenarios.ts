// CAMS's side of core's template write contract: nock interceptors for each write case and for the
// GetChatappTemplateDetail reads the client makes around it, over a one-template CAMS space held in
// a closure, and the OSS bucket GetChatappUploadAuthorization opens for uploads. Built to the wire
// shapes of the vendor's API pages (CAMS API 2020-06-06: CreateChatappTemplate,
// ModifyChatappTemplate, DeleteChatappTemplate, GetChatappTemplateDetail,
// GetChatappUploadAuthorization; the codes of the "API error codes" page and of Alibaba Cloud's
// gateway) and to OSS's PutObject page; codes, names, texts and credentials are invented.
import {
  CONTRACT_TEMPLATE_DRAFT,
  type TemplateWriteFailureKind,
  type TemplateWriteScenario,
  type TemplateWriteScenarios,
} from '@whatsapp-bsp/core/testing';
import nock from 'nock';
import { CUST_SPACE_ID, ORIGIN } from './harness.js';

type Reply = nock.ReplyFnResult;
type Parameters = Readonly<Record<string, string | undefined>>;

const { name: NAME, language: LANGUAGE } = CONTRACT_TEMPLATE_DRAFT;
const TEMPLATE_CODE = '744c4b5c79c9432497a075bdfca30010';

/** The temporary OSS credentials GetChatappUploadAuthorization hands out: secrets too. */
export const UPLOAD_ACCESS_KEY_SECRET = 'contract-oss-secret-7Qx2';
export const UPLOAD_SECURITY_TOKEN = 'CAIS-contract-oss-sts-token-000002';
const BUCKET = 'cams-contract-uploads';
const OSS_ENDPOINT = 'oss-ap-southeast-1.aliyuncs.com';

let requestSerial = 0;
const requestId = () => `C1F2C3D4-0000-4000-8000-${String(++requestSerial).padStart(12, '0')}`;

const ok = (fields: object = {}): Reply => [
  200,
  { RequestId: requestId(), Code: 'OK', Message: 'OK', ...fields },
];
const vendorError = (code: string, message: string): Reply => [
  400,
  { RequestId: requestId(), Code: code, Message: message },
];

/** A template's `Data` as GetChatappTemplateDetail answers it; the fields a request names it by. */
interface TemplateDetail {
  readonly TemplateCode: string;
  readonly Name: string;
  readonly Language: string;
  readonly [field: string]: unknown;
}

/** `CONTRACT_TEMPLATE_DRAFT` as GetChatappTemplateDetail answers it: the samples in the one `Example` map. */
function contractTemplate(auditStatus: string): TemplateDetail {
  return {
    TemplateCode: TEMPLATE_CODE,
    Name: NAME,
    Language: LANGUAGE,
    Category: 'UTILITY',
    TemplateType: 'WHATSAPP',
    AuditStatus: auditStatus,
    Reason: auditStatus === 'fail' ? 'INVALID_FORMAT' : 'None',
    Example: { '{{1}}': 'Ana', '{{2}}': '#1042' },
    Components: [
      { Type: 'HEADER', Format: 'TEXT', Text: 'Order update' },
      { Type: 'BODY', Text: 'Hi {{1}}, order {{2}} has shipped.' },
      { Type: 'FOOTER', Text: 'Reply STOP to opt out' },
      { Type: 'BUTTONS', Buttons: [{ Type: 'QUICK_REPLY', Text: 'Thanks' }] },
    ],
  };
}

/** Another template of the contract's name and language, approved (`pass`), with other content. */
function otherApprovedTemplate(): TemplateDetail {
  return {
    ...contractTemplate('pass'),
    TemplateCode: '744c4b5c79c9432497a075bdfca30099',
    Example: {},
    Components: [{ Type: 'BODY', Text: 'Your parcel is on its way.' }],
  };
}

/** What a gateway answers when CAMS's answer is lost: a 5xx without CAMS's envelope. */
const ANSWER_LOST: Reply = [
  502,
  '<html><body><h1>502 Bad Gateway</h1></body></html>',
  { 'content-type': 'text/html' },
];

/** The CAMS space as GetChatappTemplateDetail sees it: the contract's template, or none. */
interface Space {
  template: TemplateDetail | undefined;
}

/** Whether a request names the space's template: by code or name, in its language. */
function namesTemplate(template: Space['template'], parameters: Parameters): boolean {
  if (template === undefined || parameters.Language !== template.Language) return false;
  return parameters.TemplateCode === template.TemplateCode || parameters.TemplateName === template.Name;
}

/**
 * One CAMS action, answered by `answer` for as long as the scenario lasts, with the action's
 * parameters from the query string and the form body alike. Requests `accepts` refuses (another
 * template, another space) are answered with a refusal and not counted, so a write sent wrong
 * fails the suite's count of the writes received.
 */
function serveAction(
  action: string,
  answer: (parameters: Parameters) => Reply,
  accepts: (parameters: Parameters) => boolean = () => true,
): TemplateWriteScenario {
  let received = 0;
  nock(ORIGIN)
    .persist()
    .post('/')
    .query(true)
    .matchHeader('x-acs-action', action)
    .reply((uri, body) => {
      const query = Object.fromEntries(new URL(uri, ORIGIN).searchParams);
      const form =
        typeof body === 'string' ? Object.fromEntries(new URLSearchParams(body)) : (body as Parameters);
      const parameters = { ...query, ...form };
      if (!accepts(parameters)) return vendorError('InvalidParameter', 'Not the contract template.');
      received += 1;
      return answer(parameters);
    });
  return { received: () => received };
}

/** GetChatappTemplateDetail, answered from the space. */
function serveDetail(space: Space): void {
  serveAction('GetChatappTemplateDetail', (parameters) =>
    namesTemplate(space.template, parameters)
      ? ok({ Data: space.template })
      : vendorError('DetailError.TemplateNotExist', 'The template does not exist.'),
  );
}

/** Whether a write is of the contract template in the test space, named by `key`. */
const ofContractTemplate =
  (key: 'Name' | 'TemplateCode') =>
  (parameters: Parameters): boolean =>
    parameters[key] === (key === 'Name' ? NAME : TEMPLATE_CODE) &&
    parameters.Language === LANGUAGE &&
    parameters.CustSpaceId === CUST_SPACE_ID;

/** The scenarios of `runTemplateWriteContractSuite` against CAMS's wire. `echoed` appears in error texts. */
export function camsTemplateWriteScenarios(echoed: string): TemplateWriteScenarios {
  function space(template?: Space['template']): Space {
    const state: Space = { template };
    serveDetail(state);
    return state;
  }

  const failures: Record<TemplateWriteFailureKind, () => Reply> = {
    // Gateways echo request details (here the STS token's header); a secret in them must not surface.
    authentication: () =>
      vendorError('InvalidAccessKeyId.NotFound', `Specified access key is not found; token ${echoed}`),
    'rate-limited': () => vendorError('System.LimitControl', 'The system is under flow control.'),
    refused: () => vendorError('InvalidParameter.CreateError', `Create template failed; token ${echoed}`),
    'answer-lost': () => ANSWER_LOST,
  };

  /** CreateChatappTemplate, answered by `answer` after the request is checked. */
  const create = (answer: () => Reply) =>
    serveAction('CreateChatappTemplate', answer, ofContractTemplate('Name'));

  return {
    createTemplate() {
      const state = space();
      return create(() => {
        state.template = contractTemplate('auditing');
        return ok({ Data: { TemplateCode: TEMPLATE_CODE, TemplateName: NAME } });
      });
    },

    createTemplateFailure(kind) {
      space();
      return create(failures[kind]);
    },

    createTemplateAnswerLost() {
      const state = space();
      return create(() => {
        state.template = contractTemplate('auditing');
        return ANSWER_LOST;
      });
    },

    createTemplateNameTaken() {
      space(otherApprovedTemplate());
      return create(() =>
        vendorError('InvalidParameter.TemplateNameExist', `Template ${NAME} already exists in ${LANGUAGE}.`),
      );
    },

    updateTemplate() {
      // CAMS modifies only templates not yet approved: this one was rejected.
      space(contractTemplate('fail'));
      return serveAction(
        'ModifyChatappTemplate',
        () => ok({ Data: { TemplateCode: TEMPLATE_CODE, TemplateName: NAME } }),
        ofContractTemplate('TemplateCode'),
      );
    },

    // CAMS deletes one language of a code (`capabilities.templates.delete.scopes`): the one scope asked for.
    deleteTemplate() {
      const state = space(contractTemplate('pass'));
      return serveAction(
        'DeleteChatappTemplate',
        () => {
          state.template = undefined;
          return ok();
        },
        ofContractTemplate('TemplateCode'),
      );
    },

    deleteTemplateAnswerLost() {
      const state = space(contractTemplate('pass'));
      return serveAction(
        'DeleteChatappTemplate',
        () => {
          state.template = undefined;
          return ANSWER_LOST;
        },
        ofContractTemplate('TemplateCode'),
      );
    },

    uploadTemplateMedia() {
      serveAction('GetChatappUploadAuthorization', () =>
        ok({
          Data: {
            AccessKeyId: 'STS.NContractUploadKey',
            AccessKeySecret: UPLOAD_ACCESS_KEY_SECRET,
            SecurityToken: UPLOAD_SECURITY_TOKEN,
            BucketName: BUCKET,
            Dir: `chatapp/${CUST_SPACE_ID}`,
            EndPoint: OSS_ENDPOINT,
            Expire: 3600,
          },
        }),
      );
      // PutObject of `<Dir>/<name>` at the bucket's own host; OSS answers 200 with an empty body.
      let received = 0;
      nock(`https://${BUCKET}.${OSS_ENDPOINT}`)
        .persist()
        .put(new RegExp(`^/chatapp/${CUST_SPACE_ID}/[^/]+\\.png$`))
        .reply(() => {
          received += 1;
          return [200, '', { 'x-oss-request-id': '65A1B2C3D4E5F60718293A4B', etag: '"5B3C1B7F2A"' }];
        });
      return { received: () => received };
    },
  };
}
