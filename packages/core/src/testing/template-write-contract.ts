import { inspect } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { createClient } from '../client/create-client.js';
import type { RequestEvent } from '../client/pipeline/hooks.js';
import type { BspError, ErrorCode, RequestOutcome } from '../errors/bsp-error.js';
import { ConflictError, UnsupportedOperationError } from '../errors/error-classes.js';
import type { TemplateDeleteReference } from '../model/inputs/template-delete-reference.js';
import { TEMPLATE_STATUSES } from '../model/template.js';
import type { ProviderV1, TemplatesProvider } from '../provider/provider-v1.js';
import { TemplateValidationError } from '../validation/template-draft/template-validation-error.js';
import {
  CONTRACT_TEMPLATE_CHANGES,
  CONTRACT_TEMPLATE_DRAFT,
  CONTRACT_TEMPLATE_MEDIA,
} from './contract-payloads.js';

/**
 * How a create can fail, as the `createTemplateFailure` scenario sets it up:
 * - `authentication`: the vendor refuses the credentials;
 * - `rate-limited`: the vendor throttles the call (a code, or HTTP 429);
 * - `refused`: the vendor refuses the draft with a failure the adapter cannot explain further;
 * - `answer-lost`: the request leaves, but no answer is read (a reset, a 5xx without a failure
 *   code): the create may have been applied, and here it was not.
 *
 * In every case nothing named as `CONTRACT_TEMPLATE_DRAFT` exists: a read by name and language
 * (which the client makes to confirm a refusal, or to look for a lost create) finds nothing.
 */
export type TemplateWriteFailureKind = 'authentication' | 'rate-limited' | 'refused' | 'answer-lost';

/** A scenario installed at the vendor (nock interceptors, an emulator's state, a fake's script). */
export interface TemplateWriteScenario {
  /**
   * How many requests of the scenario's write (not the reads around it) reached the vendor since
   * the scenario was installed.
   */
  received(): number;
}

/**
 * The vendor's side of each write case. Each scenario installs what the vendor answers for the
 * write and for the reads the client makes around it (by name and language, and by the vendor's
 * id where the vendor reads by id). A provider with a template write method must give every
 * scenario of that method:
 *
 * - `doCreate`: `createTemplate`, `createTemplateFailure`, `createTemplateAnswerLost`,
 *   `createTemplateNameTaken`;
 * - `doUpdate`: `updateTemplate`;
 * - `doDelete`: `deleteTemplate` and `deleteTemplateAnswerLost`, called for each scope in
 *   `capabilities.templates.delete.scopes`;
 * - `doUploadMedia`: `uploadTemplateMedia`.
 */
export interface TemplateWriteScenarios {
  /** The vendor accepts the create of `CONTRACT_TEMPLATE_DRAFT`; nothing of that name exists before. */
  createTemplate?(): TemplateWriteScenario;
  /** The next create of `CONTRACT_TEMPLATE_DRAFT` fails this way; see `TemplateWriteFailureKind`. */
  createTemplateFailure?(kind: TemplateWriteFailureKind): TemplateWriteScenario;
  /**
   * The vendor applies the create of `CONTRACT_TEMPLATE_DRAFT` but its answer is lost (a reset, a
   * 5xx without a failure code); a read by name and language then finds the template as created.
   */
  createTemplateAnswerLost?(): TemplateWriteScenario;
  /**
   * A template of `CONTRACT_TEMPLATE_DRAFT`'s name and language exists, `APPROVED`, with other
   * content; the vendor refuses the create as it does for a taken name, and a read by name and
   * language finds the existing template.
   */
  createTemplateNameTaken?(): TemplateWriteScenario;
  /**
   * `CONTRACT_TEMPLATE_DRAFT` exists, in a status the vendor edits (not yet approved); the vendor
   * accepts its update to `CONTRACT_TEMPLATE_CHANGES`.
   */
  updateTemplate?(): TemplateWriteScenario;
  /**
   * `CONTRACT_TEMPLATE_DRAFT` exists, in its one language; the vendor accepts a delete in `scope`
   * (`name`: every language of the name; `language`: this one template).
   */
  deleteTemplate?(scope: 'name' | 'language'): TemplateWriteScenario;
  /**
   * As `deleteTemplate`, but the delete's answer is lost after the vendor applied it; the
   * vendor's later answers (a read, or the delete sent again) find nothing.
   */
  deleteTemplateAnswerLost?(scope: 'name' | 'language'): TemplateWriteScenario;
  /** The vendor accepts the upload of `CONTRACT_TEMPLATE_MEDIA`. */
  uploadTemplateMedia?(): TemplateWriteScenario;
}

/** What an adapter supplies to prove its template writes; see the README of core. */
export interface TemplateWriteContractFixtures {
  /** Shown in the test names, e.g. `'nxcloud'`. */
  name: string;
  /** A provider whose requests the scenarios answer; called for every client the suite makes. */
  createProvider(): ProviderV1;
  /** Credential values that must never be observable in errors or hook payloads. */
  secrets: readonly string[];
  /** The vendor's side of each case; see `TemplateWriteScenarios`. */
  scenarios: TemplateWriteScenarios;
  /** Removes what a scenario installed; run after each test. */
  cleanup(): void;
}

type WriteMethod = 'doCreate' | 'doUpdate' | 'doDelete' | 'doUploadMedia';

const SCENARIOS_OF: Readonly<Record<WriteMethod, readonly (keyof TemplateWriteScenarios)[]>> = {
  doCreate: [
    'createTemplate',
    'createTemplateFailure',
    'createTemplateAnswerLost',
    'createTemplateNameTaken',
  ],
  doUpdate: ['updateTemplate'],
  doDelete: ['deleteTemplate', 'deleteTemplateAnswerLost'],
  doUploadMedia: ['uploadTemplateMedia'],
};

/** The template write methods a provider has. */
export function templateWriteMethods(provider: ProviderV1): WriteMethod[] {
  const templates: TemplatesProvider = provider.templates;
  return (Object.keys(SCENARIOS_OF) as WriteMethod[]).filter(
    (method) => typeof templates[method] === 'function',
  );
}

const CREATE_FAILURES: Record<
  TemplateWriteFailureKind,
  { codes: readonly ErrorCode[]; outcome: RequestOutcome; retryable?: boolean }
> = {
  authentication: { codes: ['AUTHENTICATION'], outcome: 'failed', retryable: false },
  'rate-limited': { codes: ['RATE_LIMITED'], outcome: 'failed', retryable: true },
  refused: { codes: ['INVALID_REQUEST', 'UNAVAILABLE'], outcome: 'failed' },
  'answer-lost': { codes: ['UNAVAILABLE', 'BAD_RESPONSE'], outcome: 'unknown' },
};

/**
 * The behaviour every adapter's template writes owe their users, checked the same way for each:
 * one request per write, results of the model's shape, errors of the right class and outcome with
 * no secret anywhere, a create whose answer was lost found by a read instead of being sent again,
 * a taken name reported as a ConflictError with the existing template's status, delete scopes as
 * the capabilities say. Runs only the cases of the write methods the provider has. Call it at the
 * top level of a test file, or pass the scenarios as `templateWrites` to `runProviderContractSuite`.
 */
export function runTemplateWriteContractSuite(fixtures: TemplateWriteContractFixtures): void {
  const { scenarios } = fixtures;
  const methods = templateWriteMethods(fixtures.createProvider());

  function clientWith() {
    const requests: RequestEvent[] = [];
    const events: unknown[] = [];
    const client = createClient({
      provider: fixtures.createProvider(),
      rateLimit: false,
      retry: { maxAttempts: 1 },
      hooks: {
        onRequest: (event) => {
          requests.push(event);
          events.push(event);
        },
        onResponse: (event) => events.push(event),
        onRetry: (event) => events.push(event),
      },
    });
    const sent = (operation: string) => requests.filter((request) => request.operation === operation).length;
    return { client, events, sent };
  }

  function scenario<K extends keyof TemplateWriteScenarios>(name: K): NonNullable<TemplateWriteScenarios[K]> {
    const install = scenarios[name];
    if (install === undefined) throw new Error(`the fixtures give no ${name} scenario`);
    return install.bind(scenarios) as NonNullable<TemplateWriteScenarios[K]>;
  }

  function expectNoSecrets(error: unknown, events: unknown[]) {
    const bspError = error as BspError;
    const observable = [
      bspError.message,
      bspError.stack ?? '',
      JSON.stringify(bspError),
      inspect(bspError, { depth: 10 }),
      inspect(bspError.cause, { depth: 10 }),
      JSON.stringify(events),
      inspect(events, { depth: 10 }),
    ].join('\n');
    for (const secret of fixtures.secrets) expect(observable).not.toContain(secret);
  }

  const failureOf = (promise: Promise<unknown>) =>
    promise.then(
      () => expect.unreachable('the call should fail'),
      (error: unknown) => error as BspError,
    );

  describe(`template write contract: ${fixtures.name}`, () => {
    afterEach(() => fixtures.cleanup());

    it('has a scenario for every case of each template write method the provider offers', () => {
      const missing = methods.flatMap((method) =>
        SCENARIOS_OF[method]
          .filter((name) => scenarios[name] === undefined)
          .map((name) => `${method}: ${name}`),
      );
      expect(missing).toEqual([]);
    });

    if (methods.includes('doCreate')) {
      it('templates.create sends the draft once and returns the created template', async () => {
        const vendor = scenario('createTemplate')();
        const { client, sent } = clientWith();
        const created = await client.templates.create(structuredClone(CONTRACT_TEMPLATE_DRAFT));
        expect(created).toMatchObject({
          name: CONTRACT_TEMPLATE_DRAFT.name,
          language: CONTRACT_TEMPLATE_DRAFT.language,
          category: CONTRACT_TEMPLATE_DRAFT.category,
        });
        expect(created.id.length).toBeGreaterThan(0);
        expect([...TEMPLATE_STATUSES, 'UNKNOWN']).toContain(created.status);
        expect(Array.isArray(created.warnings)).toBe(true);
        expect(created.$metadata).toMatchObject({ provider: fixtures.name, attempts: 1 });
        expect(created.$metadata.reconciled).toBeUndefined();
        expect(sent('templates.create')).toBe(1);
        expect(vendor.received()).toBe(1);
      });

      it('refuses a draft that breaks the rules before sending anything', async () => {
        const { client, events } = clientWith();
        const error = await failureOf(
          client.templates.create({ ...structuredClone(CONTRACT_TEMPLATE_DRAFT), name: 'Not A Valid Name' }),
        );
        expect(TemplateValidationError.isInstance(error)).toBe(true);
        expect(error.outcome).toBe('not-sent');
        expect(events).toEqual([]);
      });

      for (const kind of Object.keys(CREATE_FAILURES) as TemplateWriteFailureKind[]) {
        it(`reports a create that fails (${kind}) with its class and outcome, sent once, with no secret anywhere`, async () => {
          const vendor = scenario('createTemplateFailure')(kind);
          const { client, events, sent } = clientWith();
          const error = await failureOf(client.templates.create(structuredClone(CONTRACT_TEMPLATE_DRAFT)));
          const expected = CREATE_FAILURES[kind];
          expect(expected.codes).toContain(error.code);
          expect(error.outcome).toBe(expected.outcome);
          if (expected.retryable !== undefined) expect(error.retryable).toBe(expected.retryable);
          expect(error.provider).toBe(fixtures.name);
          expect(sent('templates.create')).toBe(1);
          expect(vendor.received()).toBe(1);
          expectNoSecrets(error, events);
        });
      }

      it('finds a create whose answer was lost by name and language, and does not send it again', async () => {
        const vendor = scenario('createTemplateAnswerLost')();
        const { client, sent } = clientWith();
        const created = await client.templates.create(structuredClone(CONTRACT_TEMPLATE_DRAFT));
        expect(created).toMatchObject({
          name: CONTRACT_TEMPLATE_DRAFT.name,
          language: CONTRACT_TEMPLATE_DRAFT.language,
        });
        expect(created.$metadata.reconciled).toBe(true);
        expect(sent('templates.create')).toBe(1);
        expect(vendor.received()).toBe(1);
      });

      it("reports a taken name as a ConflictError with the existing template's status", async () => {
        const vendor = scenario('createTemplateNameTaken')();
        const { client, events } = clientWith();
        const error = await failureOf(client.templates.create(structuredClone(CONTRACT_TEMPLATE_DRAFT)));
        expect(ConflictError.isInstance(error)).toBe(true);
        expect((error as ConflictError).state).toBe('APPROVED');
        expect(error.outcome).toBe('failed');
        expect(vendor.received()).toBe(1);
        expectNoSecrets(error, events);
      });
    }

    if (methods.includes('doUpdate')) {
      it('templates.update reads the template and sends the edit once', async () => {
        const vendor = scenario('updateTemplate')();
        const { client, sent } = clientWith();
        const { name, language } = CONTRACT_TEMPLATE_DRAFT;
        const updated = await client.templates.update(
          { name, language },
          structuredClone(CONTRACT_TEMPLATE_CHANGES),
        );
        expect(updated).toMatchObject({ name, language });
        expect(updated.$metadata.provider).toBe(fixtures.name);
        expect(sent('templates.update')).toBe(1);
        expect(vendor.received()).toBe(1);
      });
    }

    if (methods.includes('doDelete')) {
      const scopes = fixtures.createProvider().capabilities.templates.delete?.scopes ?? ['name', 'language'];
      const { name, language } = CONTRACT_TEMPLATE_DRAFT;
      const referenceFor = (scope: 'name' | 'language'): TemplateDeleteReference =>
        scope === 'name' ? { name } : { name, language };

      for (const scope of scopes) {
        it(`templates.delete in the vendor's own scope (${scope}) sends one delete`, async () => {
          const vendor = scenario('deleteTemplate')(scope);
          const { client, sent } = clientWith();
          const result = await client.templates.delete(referenceFor(scope));
          expect(result.deleted).toHaveLength(1);
          expect(result.deleted[0]).toMatchObject(scope === 'name' ? { name } : { name, language });
          expect(sent('templates.delete')).toBe(1);
          expect(vendor.received()).toBe(1);
        });

        it(`counts a delete (${scope}) whose answer was lost as done once the vendor no longer has the template`, async () => {
          const vendor = scenario('deleteTemplateAnswerLost')(scope);
          const { client } = clientWith();
          const result = await client.templates.delete(referenceFor(scope));
          expect(result.$metadata.reconciled).toBe(true);
          expect(vendor.received()).toBe(1);
        });
      }

      if (!scopes.includes('language')) {
        it('refuses to delete one language before sending anything, where the vendor deletes whole names', async () => {
          const { client, events } = clientWith();
          const error = await failureOf(client.templates.delete({ name, language }));
          expect(UnsupportedOperationError.isInstance(error)).toBe(true);
          expect(events).toEqual([]);
        });
      }
    }

    if (methods.includes('doUploadMedia')) {
      it('templates.uploadMedia uploads the file once and returns a handle or a URL', async () => {
        const vendor = scenario('uploadTemplateMedia')();
        const { client, sent } = clientWith();
        const media = await client.templates.uploadMedia({
          data: Buffer.from(CONTRACT_TEMPLATE_MEDIA.base64, 'base64'),
          mimeType: CONTRACT_TEMPLATE_MEDIA.mimeType,
          fileName: CONTRACT_TEMPLATE_MEDIA.fileName,
        });
        const reference = 'handle' in media ? media.handle : media.url;
        expect(typeof reference).toBe('string');
        expect(reference.length).toBeGreaterThan(0);
        expect(sent('templates.uploadMedia')).toBe(1);
        expect(vendor.received()).toBe(1);
      });
    }
  });
}
