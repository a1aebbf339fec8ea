// NXCloud's side of core's template write contract: nock interceptors for each write case and for
// the getTemplate reads the client makes around it, over a one-template account held in a closure.
// The write answers are the examples NXCloud's createTemplate, updateTemplate, deleteTemplate and
// uploadTemplateFile pages print (nxcloud-template-write-examples.ts). Built, not recorded: the
// contract template as getTemplate lists it (the field names and nesting of the getTemplate page's
// example), the failures (result codes of the API convention page; the template pages' own failure
// example for the refusal) and the gateway's 429 and 502 answers.
import {
  CONTRACT_TEMPLATE_DRAFT,
  type TemplateWriteFailureKind,
  type TemplateWriteScenario,
  type TemplateWriteScenarios,
} from '@whatsapp-bsp/core/testing';
import nock from 'nock';
import { failure, success } from './nxcloud-built-payloads.js';
import {
  CREATE_TEMPLATE_ANSWER_EXAMPLE,
  DELETE_TEMPLATE_ANSWER_EXAMPLE,
  DUPLICATE_TEMPLATE_ANSWER,
  UPDATE_TEMPLATE_ANSWER_EXAMPLE,
  UPLOAD_TEMPLATE_FILE_ANSWER_EXAMPLE,
} from './nxcloud-template-write-examples.js';
import { BASE_URL } from './nxcloud-test-support.js';

type Reply = nock.ReplyFnResult;

const { name: NAME, language: LANGUAGE } = CONTRACT_TEMPLATE_DRAFT;

/** The id createTemplate's example answers with; the template keeps it in every scenario. */
const TEMPLATE_ID = '900xxx0755';

/** `CONTRACT_TEMPLATE_DRAFT` as getTemplate lists it once created: Meta's snake_case components. */
function contractTemplate(status: string) {
  return {
    id: TEMPLATE_ID,
    name: NAME,
    language: LANGUAGE,
    category: 'UTILITY',
    status,
    rejected_reason: status === 'REJECTED' ? 'INVALID_FORMAT' : 'NONE',
    quality_score: { score: 'UNKNOWN' },
    components: [
      { type: 'HEADER', format: 'TEXT', text: 'Order update' },
      {
        type: 'BODY',
        text: 'Hi {{1}}, order {{2}} has shipped.',
        example: { body_text: [['Ana', '#1042']] },
      },
      { type: 'FOOTER', text: 'Reply STOP to opt out' },
      { type: 'BUTTONS', buttons: [{ type: 'QUICK_REPLY', text: 'Thanks' }] },
    ],
  };
}

/** Another template of the contract's name and language, approved, with other content. */
function otherApprovedTemplate() {
  return {
    ...contractTemplate('APPROVED'),
    id: '900xxx0999',
    components: [{ type: 'BODY', text: 'Your parcel is on its way.' }],
  };
}

/** What a gateway answers when NXCloud's answer is lost: a 5xx without NXCloud's envelope. */
const ANSWER_LOST: Reply = [
  502,
  '<html><body><h1>502 Bad Gateway</h1></body></html>',
  { 'content-type': 'text/html' },
];

const FAILURES: Record<TemplateWriteFailureKind, Reply> = {
  // The convention page's 1003.
  authentication: [200, failure(1003, 'Invalid signature')],
  // NXCloud documents no rate limit; its gateway throttles with a bare 429.
  'rate-limited': [429, 'Too Many Requests', { 'Retry-After': '1' }],
  // The failure example every template page prints, verbatim.
  refused: [200, '{"code": -1, "message": "请求失败", "data": null}'],
  'answer-lost': ANSWER_LOST,
};

/** The account as getTemplate sees it: the contract's template, or none. */
interface Account {
  template: object | undefined;
}

/**
 * getTemplate, answered from the account for as long as the scenario lasts: the items of the
 * name asked for (every name when none is asked), as the page's `data.data`.
 */
function serveTemplates(account: Account): void {
  nock(BASE_URL)
    .persist()
    .post('/api/wa/getTemplate')
    .reply((_uri, body) => {
      const asked = (body as { name?: string }).name;
      const items = account.template !== undefined && (asked === undefined || asked === NAME);
      return [200, success({ data: items ? [account.template] : [] })];
    });
}

/**
 * One write endpoint, answered by `answer` for every request whose JSON body `matches` (a request
 * of another body finds no interceptor and fails the test), counted as it arrives.
 */
function serveWrite(
  path: string,
  answer: () => Reply,
  matches: (body: Record<string, unknown>) => boolean = () => true,
): TemplateWriteScenario {
  let received = 0;
  nock(BASE_URL)
    .persist()
    .post(path, (body) => matches(body as Record<string, unknown>))
    .reply(() => {
      received += 1;
      return answer();
    });
  return { received: () => received };
}

const isContractDraft = (body: Record<string, unknown>) => body.name === NAME && body.language === LANGUAGE;

/** The scenarios of `runTemplateWriteContractSuite` against NXCloud's wire. */
export function nxcloudTemplateWriteScenarios(): TemplateWriteScenarios {
  function account(template?: object): Account {
    const state: Account = { template };
    serveTemplates(state);
    return state;
  }

  return {
    createTemplate() {
      const state = account();
      return serveWrite(
        '/api/wa/createTemplate',
        () => {
          state.template = contractTemplate('PENDING');
          return [200, CREATE_TEMPLATE_ANSWER_EXAMPLE];
        },
        isContractDraft,
      );
    },

    createTemplateFailure(kind) {
      account();
      return serveWrite('/api/wa/createTemplate', () => FAILURES[kind], isContractDraft);
    },

    createTemplateAnswerLost() {
      const state = account();
      return serveWrite(
        '/api/wa/createTemplate',
        () => {
          state.template = contractTemplate('PENDING');
          return ANSWER_LOST;
        },
        isContractDraft,
      );
    },

    createTemplateNameTaken() {
      account(otherApprovedTemplate());
      // Meta's duplicate refusal, relayed with code 400 and Meta's error in `data.error`.
      return serveWrite('/api/wa/createTemplate', () => [200, DUPLICATE_TEMPLATE_ANSWER], isContractDraft);
    },

    updateTemplate() {
      account(contractTemplate('REJECTED'));
      // updateTemplate names the template by Meta's id only: no name or language.
      return serveWrite(
        '/api/wa/updateTemplate',
        () => [200, UPDATE_TEMPLATE_ANSWER_EXAMPLE],
        (body) => body.template_id === TEMPLATE_ID && body.name === undefined,
      );
    },

    // NXCloud deletes by name only (`capabilities.templates.delete.scopes`): the one scope asked for.
    deleteTemplate() {
      const state = account(contractTemplate('APPROVED'));
      return serveWrite(
        '/api/wa/deleteTemplate',
        () => {
          state.template = undefined;
          return [200, DELETE_TEMPLATE_ANSWER_EXAMPLE];
        },
        (body) => body.name === NAME,
      );
    },

    deleteTemplateAnswerLost() {
      const state = account(contractTemplate('APPROVED'));
      return serveWrite(
        '/api/wa/deleteTemplate',
        () => {
          state.template = undefined;
          return ANSWER_LOST;
        },
        (body) => body.name === NAME,
      );
    },

    // Multipart, so not matched by body.
    uploadTemplateMedia: () =>
      serveWrite('/api/wa/uploadTemplateFile', () => [200, UPLOAD_TEMPLATE_FILE_ANSWER_EXAMPLE]),
  };
}
