import { writeFile } from 'node:fs/promises';
import {
  FLOW_CATEGORIES,
  FLOW_STATUSES,
  type FlowCategory,
  type FlowJsonValidationMode,
  type FlowStatus,
  validateFlowJson,
  type WhatsAppClient,
} from '@whatsapp-bsp/core';
import type { CliIo } from '../cli-io.js';
import { confirmChange, DECLINED } from '../confirm-change.js';
import { readInputText } from '../input-file.js';
import type { Output } from '../output.js';
import { EXIT, UsageError } from '../render-error.js';
import { renderFlowJsonErrors } from '../render-issues.js';
import { type CommandDefinition, expectNoMore, type FlagValues, stringFlag } from './command.js';
import { describeFlow, flowId } from './flows.js';
import { FILE_FLAG, requiredFile, statusList, WAIT_FLAGS, waitOptions } from './write-flags.js';

/** Exit code of `flows validate`, and of a write the vendor took but whose Flow JSON has errors. */
const HAS_ERRORS = 1;

const VALIDATE_MODES: readonly FlowJsonValidationMode[] = ['error', 'warn', 'off'];

const FLOW_FIELD_FLAGS = {
  name: { type: 'string' },
  categories: { type: 'string' },
  'endpoint-uri': { type: 'string' },
} as const;

const VALIDATE_FLAG = { validate: { type: 'string' } } as const;

/** `wabsp flows …` that change flows at the vendor, and the offline Flow JSON check. */
export const FLOW_WRITE_COMMANDS: readonly CommandDefinition[] = [
  {
    words: ['flows', 'create'],
    usage: `flows create --name NAME --categories A,B [--endpoint-uri URL] [--clone-flow-id ID]
               [-f FLOW.json [--validate error|warn|off]] [--publish]`,
    flags: {
      ...FLOW_FIELD_FLAGS,
      ...FILE_FLAG,
      ...VALIDATE_FLAG,
      'clone-flow-id': { type: 'string' },
      publish: { type: 'boolean' },
    },
    parse: (positionals, flags) => {
      expectNoMore(positionals, 0);
      const name = stringFlag(flags, 'name');
      const categories = categoryList(flags);
      if (name === undefined || categories === undefined) {
        throw new UsageError('wabsp flows create needs --name and --categories');
      }
      const endpointUri = stringFlag(flags, 'endpoint-uri');
      const cloneFlowId = stringFlag(flags, 'clone-flow-id');
      const path = stringFlag(flags, 'file');
      if (path === undefined && stringFlag(flags, 'validate') !== undefined) {
        throw new UsageError('--validate applies to a Flow JSON: give it with -f FILE');
      }
      const validate = validateMode(flags);
      return {
        needsClient: true,
        run: async (client, output) => {
          const flowJson = path === undefined ? undefined : await readInputText(path);
          if (
            flowJson !== undefined &&
            path !== undefined &&
            refuseInvalid(output, flowJson, path, validate)
          ) {
            return HAS_ERRORS;
          }
          const flow = await client.flows.create({
            name,
            categories,
            ...(endpointUri !== undefined && { endpointUri }),
            ...(cloneFlowId !== undefined && { cloneFlowId }),
            ...(flowJson !== undefined && { flowJson, validate }),
            ...(flags.publish === true && { publish: true }),
          });
          output.show(flow, describeFlow);
          // Taken, but the vendor found errors: the flow cannot be published until they are fixed.
          return flow.validationErrors.length > 0 ? HAS_ERRORS : undefined;
        },
      };
    },
  },
  {
    words: ['flows', 'update'],
    usage: 'flows update <id> [--name NAME] [--categories A,B] [--endpoint-uri URL]',
    flags: FLOW_FIELD_FLAGS,
    parse: (positionals, flags) => {
      const id = flowId(positionals, 'update');
      const name = stringFlag(flags, 'name');
      const categories = categoryList(flags);
      const endpointUri = stringFlag(flags, 'endpoint-uri');
      if (name === undefined && categories === undefined && endpointUri === undefined) {
        throw new UsageError('wabsp flows update needs at least one of --name, --categories, --endpoint-uri');
      }
      return {
        needsClient: true,
        run: async (client, output) => {
          const result = await client.flows.update(id, {
            ...(name !== undefined && { name }),
            ...(categories !== undefined && { categories }),
            ...(endpointUri !== undefined && { endpointUri }),
          });
          output.show(result, (value) => `updated flow ${value.id}`);
        },
      };
    },
  },
  stateChange('publish', 'Publish', 'A published flow can no longer be edited, only deprecated.'),
  stateChange(
    'deprecate',
    'Deprecate',
    'A deprecated flow can no longer be sent, and this cannot be undone.',
  ),
  stateChange('delete', 'Delete', 'Only a draft flow can be deleted; this cannot be undone.'),
  {
    words: ['flows', 'get-json'],
    usage: 'flows get-json <id> [--out FILE]   (the Flow JSON as the vendor stores it)',
    flags: { out: { type: 'string' } },
    parse: (positionals, flags) => {
      const id = flowId(positionals, 'get-json');
      const out = stringFlag(flags, 'out');
      return {
        needsClient: true,
        run: async (client, output, io) => {
          const document = await client.flows.getJson(id);
          if (out !== undefined) {
            await writeFile(out, document.text).catch((error: NodeJS.ErrnoException) => {
              throw new UsageError(`Cannot write ${out}: ${error.code ?? error.message}`);
            });
            io.stderr.write(`wrote ${Buffer.byteLength(document.text)} bytes to ${out}\n`);
          } else if (output.mode === 'human') {
            // The document itself, byte for byte, so that it can be piped to a file.
            io.stdout.write(document.text.endsWith('\n') ? document.text : `${document.text}\n`);
          } else {
            output.show(document, () => '');
          }
        },
      };
    },
  },
  {
    words: ['flows', 'update-json'],
    usage: 'flows update-json <id> -f FLOW.json [--validate error|warn|off]   (checked offline first)',
    flags: { ...FILE_FLAG, ...VALIDATE_FLAG },
    parse: (positionals, flags) => {
      const id = flowId(positionals, 'update-json');
      const path = requiredFile(flags, 'flows update-json');
      const validate = validateMode(flags);
      return {
        needsClient: true,
        run: async (client, output) => {
          const text = await readFlowJson(path);
          if (refuseInvalid(output, text, path, validate)) return EXIT.usageOrConfig;
          const result = await client.flows.updateJson(id, text, { validate });
          output.show(result, (value) =>
            value.validationErrors.length === 0
              ? `uploaded the Flow JSON of flow ${id}; the vendor reported no validation errors`
              : `uploaded, but the vendor reported these errors (fix them before publishing):\n${renderFlowJsonErrors(value.validationErrors, path)}`,
          );
          return result.validationErrors.length > 0 ? HAS_ERRORS : undefined;
        },
      };
    },
  },
  {
    words: ['flows', 'validate'],
    usage: 'flows validate -f FLOW.json   (offline; exit 1 on errors)',
    flags: FILE_FLAG,
    parse: (positionals, flags) => {
      expectNoMore(positionals, 0);
      const path = requiredFile(flags, 'flows validate');
      return {
        needsClient: false,
        run: async (_io, output) => {
          const errors = validateFlowJson(await readFlowJson(path));
          output.show({ file: path, validationErrors: errors }, (value) =>
            renderFlowJsonErrors(value.validationErrors, path),
          );
          return errors.length > 0 ? HAS_ERRORS : undefined;
        },
      };
    },
  },
  {
    words: ['flows', 'wait'],
    usage: 'flows wait <id> [--until STATUS,...] [--for SECONDS]   (until it leaves DRAFT, by default)',
    flags: WAIT_FLAGS,
    parse: (positionals, flags) => {
      const id = flowId(positionals, 'wait');
      const until = statusList<FlowStatus>(flags, FLOW_STATUSES);
      const options = waitOptions(flags);
      return {
        needsClient: true,
        run: async (client, output, io) => {
          io.stderr.write(`waiting for flow ${id}…\n`);
          const flow = await client.flows.waitForStatus(id, {
            ...options,
            ...(until !== undefined && { until }),
          });
          output.show(flow, describeFlow);
        },
      };
    },
  },
];

const DONE = { publish: 'published', deprecate: 'deprecated', delete: 'deleted' } as const;

/** publish, deprecate, delete: one flow id, confirmed on a terminal unless `--yes`. */
function stateChange(
  action: 'publish' | 'deprecate' | 'delete',
  verb: string,
  consequence: string,
): CommandDefinition {
  return {
    words: ['flows', action],
    usage: `flows ${action} <id> [--yes]`,
    flags: { yes: { type: 'boolean' } },
    parse: (positionals, flags) => {
      const id = flowId(positionals, action);
      return {
        needsClient: true,
        run: async (client: WhatsAppClient, output: Output, io: CliIo) => {
          const flow = await client.flows.get(id);
          const question = `${verb} flow ${flow.name} (${id}, now ${flow.status}) on ${client.provider.id}? ${consequence}`;
          if (!(await confirmChange(io, flags.yes === true, question))) return DECLINED;
          const result = await client.flows[action](id);
          output.show(result, (value) => `${DONE[action]} flow ${value.id}`);
        },
      };
    },
  };
}

/**
 * A Flow JSON file's text. Flow JSON is JSON: a YAML file would be uploaded as it is and fail at
 * the vendor, so it is refused here.
 */
async function readFlowJson(path: string): Promise<string> {
  if (/\.ya?ml$/i.test(path)) {
    throw new UsageError(`${path}: a Flow JSON is a JSON file, not YAML`);
  }
  return readInputText(path);
}

/** Prints offline errors and says whether to stop: with `--validate error` they refuse the upload. */
function refuseInvalid(
  output: Output,
  text: string,
  path: string,
  validate: FlowJsonValidationMode,
): boolean {
  if (validate === 'off') return false;
  const errors = validateFlowJson(text);
  if (errors.length === 0) return false;
  output.show({ file: path, validationErrors: errors, sent: validate !== 'error' }, (value) =>
    [
      renderFlowJsonErrors(value.validationErrors, path),
      validate === 'error'
        ? 'Nothing was sent: fix these, or pass --validate warn to send anyway.'
        : 'Sending anyway (--validate warn).',
    ].join('\n'),
  );
  return validate === 'error';
}

/** `--categories A,B`, upper-cased, each one of Meta's flow categories. */
function categoryList(flags: FlagValues): FlowCategory[] | undefined {
  const value = stringFlag(flags, 'categories');
  if (value === undefined) return undefined;
  const categories = value
    .split(',')
    .map((category) => category.trim().toUpperCase())
    .filter((category) => category !== '');
  const unknown = categories.find((category) => !(FLOW_CATEGORIES as readonly string[]).includes(category));
  if (categories.length === 0 || unknown !== undefined) {
    throw new UsageError(`--categories takes a comma-separated list of ${FLOW_CATEGORIES.join(', ')}`);
  }
  return categories as FlowCategory[];
}

function validateMode(flags: FlagValues): FlowJsonValidationMode {
  const value = stringFlag(flags, 'validate') ?? 'error';
  if (!(VALIDATE_MODES as readonly string[]).includes(value)) {
    throw new UsageError(`--validate takes one of ${VALIDATE_MODES.join(', ')}`);
  }
  return value as FlowJsonValidationMode;
}
