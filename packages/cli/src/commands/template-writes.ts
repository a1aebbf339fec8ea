import { extname } from 'node:path';
import { camsCapabilities } from '@whatsapp-bsp/cams';
import {
  NotFoundError,
  type ProviderCapabilities,
  TEMPLATE_STATUSES,
  type TemplateDraft,
  type TemplateReference,
  type TemplateStatus,
  TemplateValidationError,
  UnsupportedOperationError,
  validateTemplateDraft,
  type WhatsAppClient,
} from '@whatsapp-bsp/core';
import { nxcloudCapabilities } from '@whatsapp-bsp/nxcloud';
import type { CliIo } from '../cli-io.js';
import { confirmChange, DECLINED } from '../confirm-change.js';
import { type InputDocument, readInputBytes, readInputDocument, readInputText } from '../input-file.js';
import type { Output } from '../output.js';
import { UsageError } from '../render-error.js';
import { renderTemplateIssues } from '../render-issues.js';
import { renderKeyValues } from '../render-key-values.js';
import { renderTemplateBubble } from '../render-template.js';
import { styleFor } from '../style.js';
import { type CommandDefinition, expectNoMore, type FlagValues, stringFlag } from './command.js';
import { FILE_FLAG, requiredFile, statusList, WAIT_FLAGS, waitOptions } from './write-flags.js';

/** Exit code of `templates validate` when the draft has errors. */
const HAS_ERRORS = 1;

/** The vendors whose template rules `templates validate --provider` knows without credentials. */
const VENDOR_CAPABILITIES: Readonly<Record<string, ProviderCapabilities>> = {
  nxcloud: nxcloudCapabilities,
  cams: camsCapabilities,
};

/** Meta's largest sample (a document, 100 MB); the client checks each type's own limit. */
const MAX_MEDIA_BYTES = 100 * 1024 * 1024;

/** Sample media types by file extension, for `upload-media` without `--type`. */
const MEDIA_TYPES: Readonly<Record<string, string>> = {
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.mp4': 'video/mp4',
  '.pdf': 'application/pdf',
};

const REFERENCE_FLAGS = {
  id: { type: 'string' },
  name: { type: 'string' },
  language: { type: 'string' },
} as const;

/** `wabsp templates …` that change templates at the vendor, and their offline check. */
export const TEMPLATE_WRITE_COMMANDS: readonly CommandDefinition[] = [
  {
    words: ['templates', 'create'],
    usage: 'templates create -f DRAFT.json|yaml [--dry-run]',
    flags: { ...FILE_FLAG, 'dry-run': { type: 'boolean' } },
    parse: (positionals, flags) => {
      expectNoMore(positionals, 0);
      const path = requiredFile(flags, 'templates create');
      return {
        needsClient: true,
        run: async (client, output, io) => {
          const file = await readInputDocument(path);
          const draft = file.value as TemplateDraft;
          if (flags['dry-run']) return dryRun(client, output, file, draft, 'create');
          const created = await client.templates.create(draft).catch(placeIssues(file, io));
          output.show(created, (value, style) =>
            [renderKeyValues(createdRows(value)), ...warningLines(value.warnings, style)].join('\n'),
          );
        },
      };
    },
  },
  {
    words: ['templates', 'update'],
    usage: `templates update (--id ID | --name NAME --language LANG) -f DRAFT.json|yaml [--dry-run]
               (the file holds components, and optionally category and messageSendTtlSeconds)`,
    flags: { ...REFERENCE_FLAGS, ...FILE_FLAG, 'dry-run': { type: 'boolean' } },
    parse: (positionals, flags) => {
      expectNoMore(positionals, 0);
      const reference = templateReference(flags, 'templates update');
      const path = requiredFile(flags, 'templates update');
      return {
        needsClient: true,
        run: async (client, output, io) => {
          const file = await readInputDocument(path);
          const changes = templateChanges(file, reference);
          if (flags['dry-run']) {
            const current = await client.templates.get(reference);
            const draft: TemplateDraft = {
              name: current.name,
              language: current.language,
              category: changes.category ?? current.category,
              components: changes.components,
              ...(changes.messageSendTtlSeconds !== undefined && {
                messageSendTtlSeconds: changes.messageSendTtlSeconds,
              }),
            };
            return dryRun(client, output, file, draft, `update template ${current.id} as`);
          }
          const updated = await client.templates.update(reference, changes).catch(placeIssues(file, io));
          output.show(updated, (value, style) =>
            [renderKeyValues(createdRows(value)), ...warningLines(value.warnings, style)].join('\n'),
          );
        },
      };
    },
  },
  {
    words: ['templates', 'delete'],
    usage: 'templates delete (--name NAME [--language LANG] | --id ID) [--yes] [--dry-run]',
    flags: { ...REFERENCE_FLAGS, yes: { type: 'boolean' }, 'dry-run': { type: 'boolean' } },
    parse: (positionals, flags) => {
      expectNoMore(positionals, 0);
      const reference = deleteReference(flags);
      return {
        needsClient: true,
        run: async (client, output, io) => {
          refuseUnsupportedScope(client, reference);
          const doomed = await templatesMatching(client, reference);
          if (doomed.length === 0) {
            throw new NotFoundError(
              `No template matches ${describeReference(reference)} on ${client.provider.id}`,
              { provider: client.provider.id },
            );
          }
          const listing = doomed
            .map((t) => `  ${t.name} (${t.language}, ${t.status}, id ${t.id})`)
            .join('\n');
          if (flags['dry-run']) {
            output.show(
              { wouldDelete: doomed },
              () => `Would delete:\n${listing}\nNothing was sent (--dry-run).`,
            );
            return;
          }
          const question = `${listing}\nDelete ${doomed.length === 1 ? 'this template' : `these ${doomed.length} templates`} on ${client.provider.id}?`;
          if (!(await confirmChange(io, flags.yes === true, question))) return DECLINED;
          const result = await client.templates.delete(reference);
          output.show(result, (value) =>
            value.deleted.map((t) => `deleted ${t.name}${t.language ? ` (${t.language})` : ''}`).join('\n'),
          );
        },
      };
    },
  },
  {
    words: ['templates', 'upload-media'],
    usage: 'templates upload-media FILE [--type MIME]   (a header sample: jpeg, png, mp4 or pdf)',
    flags: { type: { type: 'string' } },
    parse: (positionals, flags) => {
      const path = positionals[0];
      if (path === undefined) throw new UsageError('wabsp templates upload-media needs a file');
      expectNoMore(positionals, 1);
      const mimeType = stringFlag(flags, 'type') ?? MEDIA_TYPES[extname(path).toLowerCase()];
      if (mimeType === undefined) {
        throw new UsageError(`Cannot tell the media type of ${path}: pass --type, e.g. --type image/png`);
      }
      return {
        needsClient: true,
        run: async (client, output) => {
          const media = await client.templates.uploadMedia({
            data: await readInputBytes(path, MAX_MEDIA_BYTES),
            mimeType,
            fileName: path.split(/[\\/]/).pop() ?? path,
          });
          output.show(media, (value) =>
            'handle' in value
              ? renderKeyValues([
                  ['handle', value.handle],
                  ['use as', 'example.headerHandle'],
                ])
              : renderKeyValues([
                  ['url', value.url],
                  ['use as', 'example.headerUrl'],
                ]),
          );
        },
      };
    },
  },
  {
    words: ['templates', 'validate'],
    usage: `templates validate -f DRAFT.json|yaml   (offline; exit 1 on errors)
               (with the rules of the vendor set by --provider, --config or WABSP_PROVIDER, if any)`,
    flags: FILE_FLAG,
    parse: (positionals, flags) => {
      expectNoMore(positionals, 0);
      const path = requiredFile(flags, 'templates validate');
      return {
        needsClient: false,
        run: async (io, output) => {
          const vendor = await configuredVendor(flags, io.env);
          const file = await readInputDocument(path);
          const issues = validateTemplateDraft(
            file.value as TemplateDraft,
            vendor === undefined ? {} : { provider: vendor },
          );
          output.show({ file: path, issues }, (value, style) =>
            renderTemplateIssues(value.issues, file, style),
          );
          return issues.some((issue) => issue.severity === 'error') ? HAS_ERRORS : undefined;
        },
      };
    },
  },
  {
    words: ['templates', 'wait'],
    usage: `templates wait (--id ID | --name NAME --language LANG) [--until STATUS,...] [--for SECONDS]
               (until Meta's review is over, by default)`,
    flags: { ...REFERENCE_FLAGS, ...WAIT_FLAGS },
    parse: (positionals, flags) => {
      expectNoMore(positionals, 0);
      const reference = templateReference(flags, 'templates wait');
      const until = statusList<TemplateStatus>(flags, TEMPLATE_STATUSES);
      const options = waitOptions(flags);
      return {
        needsClient: true,
        run: async (client, output, io) => {
          io.stderr.write(`waiting for ${describeReference(reference)}…\n`);
          const template = await client.templates.waitForStatus(reference, {
            ...options,
            ...(until !== undefined && { until }),
          });
          output.show(template, renderTemplateBubble);
        },
      };
    },
  },
];

/**
 * The vendor whose template rules `validate` applies, chosen as for every command (`--provider`,
 * then the `--config` file, then `WABSP_PROVIDER`) but without credentials: only its rules are
 * needed. Undefined when none is set: WhatsApp's rules alone apply.
 *
 * @throws UsageError for a vendor whose rules are not built in, or an unreadable config file.
 */
async function configuredVendor(
  flags: FlagValues,
  env: Readonly<Record<string, string | undefined>>,
): Promise<{ id: string; capabilities: ProviderCapabilities } | undefined> {
  const configPath = stringFlag(flags, 'config');
  let fromConfig: unknown;
  if (configPath !== undefined) {
    try {
      fromConfig = (JSON.parse(await readInputText(configPath)) as { provider?: unknown }).provider;
    } catch (error) {
      if (error instanceof UsageError) throw error;
      throw new UsageError(`${configPath} is not a JSON config file: ${(error as Error).message}`);
    }
  }
  const id =
    stringFlag(flags, 'provider') ?? (typeof fromConfig === 'string' ? fromConfig : env.WABSP_PROVIDER);
  if (id === undefined) return undefined;
  const capabilities = VENDOR_CAPABILITIES[id];
  if (capabilities === undefined) {
    throw new UsageError(
      `No template rules are built in for '${id}': use --provider ${Object.keys(VENDOR_CAPABILITIES).join(' or ')}`,
    );
  }
  return { id, capabilities };
}

/**
 * A draft refused before sending lists every issue where it is in the file, on stderr, before the
 * error itself (whose message names only the first few); the error is passed on unchanged.
 */
function placeIssues(file: InputDocument, io: CliIo) {
  return (error: unknown): never => {
    if (TemplateValidationError.isInstance(error)) {
      io.stderr.write(`${renderTemplateIssues(error.issues, file, styleFor(io.stderr, io.env))}\n`);
    }
    throw error;
  };
}

/** `--dry-run`: the draft checked with the vendor's rules and shown; nothing is sent. */
function dryRun(
  client: WhatsAppClient,
  output: Output,
  file: InputDocument,
  draft: TemplateDraft,
  action: string,
): number | undefined {
  const issues = validateTemplateDraft(draft, { provider: client.provider });
  const ok = !issues.some((issue) => issue.severity === 'error');
  output.show({ dryRun: true, provider: client.provider.id, action, draft, issues }, (value, style) =>
    [
      `Would ${action} ${draft.name} (${draft.language}) on ${value.provider}${ok ? '' : ', but the draft has errors'}:`,
      JSON.stringify(draft, null, 2),
      ...(issues.length > 0 ? [renderTemplateIssues(issues, file, style)] : []),
      'Nothing was sent (--dry-run).',
    ].join('\n'),
  );
  return ok ? undefined : HAS_ERRORS;
}

/**
 * The changes an update file asks for: every field but `name` and `language`, which identify the
 * template and must match the one named on the command line when given. Fields an update cannot
 * change are left for the client to refuse by name: nothing in the file is dropped in silence.
 */
function templateChanges(
  file: InputDocument,
  reference: TemplateReference,
): Parameters<WhatsAppClient['templates']['update']>[1] {
  const value = file.value as Record<string, unknown> | null;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new UsageError(`${file.path} must hold an object with a components list`);
  }
  const { name, language, ...changes } = value;
  for (const [key, given] of [
    ['name', name],
    ['language', language],
  ] as const) {
    if (given === undefined) continue;
    const named = key in reference ? (reference as Record<string, string>)[key] : undefined;
    if (named === undefined || given !== named) {
      throw new UsageError(
        `${file.path} has ${key} '${String(given)}', but an update cannot change a template's ${key}; name the template with --name and --language, and leave ${key} out of the file or make it match`,
      );
    }
  }
  return changes as unknown as Parameters<WhatsAppClient['templates']['update']>[1];
}

function templateReference(flags: FlagValues, command: string): TemplateReference {
  const [id, name, language] = (['id', 'name', 'language'] as const).map((key) => stringFlag(flags, key));
  if (id !== undefined && name === undefined && language === undefined) return { id };
  if (id === undefined && name !== undefined && language !== undefined) return { name, language };
  throw new UsageError(`wabsp ${command} needs either --id, or both --name and --language`);
}

type DeleteReference = { name: string } | { name: string; language: string } | { id: string };

function deleteReference(flags: FlagValues): DeleteReference {
  const [id, name, language] = (['id', 'name', 'language'] as const).map((key) => stringFlag(flags, key));
  if (id !== undefined && name === undefined && language === undefined) return { id };
  if (id === undefined && name !== undefined) return language === undefined ? { name } : { name, language };
  throw new UsageError(
    'wabsp templates delete needs --name (every language), --name and --language, or --id',
  );
}

function describeReference(reference: DeleteReference): string {
  if ('id' in reference) return `template id ${reference.id}`;
  return 'language' in reference
    ? `template ${reference.name} (${reference.language})`
    : `template ${reference.name} (every language)`;
}

/**
 * A delete in a scope the vendor lacks is refused before anything is read or asked: NXCloud
 * deletes every language of a name at once.
 */
function refuseUnsupportedScope(client: WhatsAppClient, reference: DeleteReference): void {
  const scopes = client.provider.capabilities.templates.delete?.scopes ?? ['name', 'language'];
  const scope = 'id' in reference || 'language' in reference ? 'language' : 'name';
  if (scopes.includes(scope)) return;
  throw new UnsupportedOperationError(
    scope === 'language'
      ? `${client.provider.id} deletes every language of a template name at once, so it cannot delete one language or one id: use --name alone`
      : `${client.provider.id} cannot delete every language of a name at once: add --language`,
    { provider: client.provider.id, outcome: 'not-sent' },
  );
}

/** What a delete would remove, read before asking: the person confirms what they see. */
async function templatesMatching(client: WhatsAppClient, reference: DeleteReference) {
  if ('id' in reference || 'language' in reference) {
    const template = await client.templates.get(reference);
    return [{ id: template.id, name: template.name, language: template.language, status: template.status }];
  }
  // The vendor's name filter, where it has one, spares paging through every template; the match
  // is still exact, since a vendor's filter may match more loosely.
  const byName = client.provider.capabilities.templates.list.filters.includes('name');
  const matches = [];
  for await (const t of client.templates.list(byName ? { name: reference.name } : {})) {
    if (t.name === reference.name)
      matches.push({ id: t.id, name: t.name, language: t.language, status: t.status });
  }
  return matches;
}

function createdRows(value: {
  id: string;
  name: string;
  language: string;
  category: string;
  status: string;
}) {
  return [
    ['id', value.id],
    ['name', value.name],
    ['language', value.language],
    ['category', value.category],
    ['status', value.status],
  ] as const;
}

function warningLines(
  warnings: readonly { path: string; code: string; message: string }[],
  style: { yellow(text: string): string },
): string[] {
  return warnings.map(
    (w) => `${style.yellow('warning')} ${w.code} at ${w.path || 'the draft'}: ${w.message}`,
  );
}
