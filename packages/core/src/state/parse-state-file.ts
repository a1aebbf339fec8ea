import { isRecord } from '../adapter/is-record.js';
import { nestedDeeperThan } from '../adapter/json-nesting.js';
import { requireFlowName } from '../model/inputs/flow-fields.js';
import { requireLanguageCode, requireTemplateName } from '../model/inputs/input-checks.js';
import { TemplateDraftComponentSchema, TemplateDraftSchema } from '../model/inputs/template-draft.js';
import { MAX_FLOW_JSON_DEPTH } from '../validation/flow-json/validate-flow-json.js';
import { MAX_TEMPLATE_DRAFT_DEPTH, pathText } from '../validation/template-draft/template-draft-shape.js';
import { FlowDraftSchema, type StateFile, StateFileSchema } from './state-file.js';
import { StateFileError, type StateFileIssue } from './state-file-error.js';
import type { StatePath } from './state-path.js';

/** A place in a file, 1-based. */
export interface StateFilePosition {
  readonly line: number;
  readonly column: number;
}

export interface ParseStateFileOptions {
  /** What the data was read from, for messages: a file path such as `whatsapp.yaml`. */
  readonly source?: string;
  /**
   * Where the value at a path starts in the file, from the reader that parsed it (a YAML
   * library's node ranges, for instance); `undefined` when it cannot tell. Without it, problems
   * carry paths but no lines.
   */
  readonly locate?: (path: StatePath) => StateFilePosition | undefined;
}

/**
 * Checks data read from a state file (already parsed from YAML or JSON, by whatever reader the
 * caller uses) against the state file's schema, `StateFileSchema`: a `version` of 1, and
 * `templates` (TemplateDraft[]) and `flows` (FlowDraft[]), each optional. Core parses no YAML
 * itself; a reader that knows where each value sits passes `locate`, and every problem then
 * carries its line and column.
 *
 * Refused: values of the wrong type or outside an enum, a `version` other than 1, keys the schema
 * does not have (anywhere but inside a `flowJson` object), a `(name, language)` given twice among
 * the templates, a `name` given twice among the flows; a template name, template language or flow
 * name the client would refuse (empty, white space around it, control characters, too long, a
 * language that is not a code such as `en_US`: the checks of `templates.create` and
 * `flows.create`), so that it is reported here with its place rather than at apply; a template nested more than 64 levels deep
 * or a Flow JSON more than 100 (`validateFlowJson`'s limit), reported alone, since walking them
 * would overflow the stack.
 *
 * @returns The state, with the file's values (a new object; unknown keys would have been refused).
 * @throws StateFileError with every problem found.
 */
export function parseStateFile(data: unknown, options: ParseStateFileOptions = {}): StateFile {
  const source = options.source ?? 'state file';
  const issues: { path: StatePath; message: string }[] = [];
  collectTooDeep(data, issues);
  // Nothing else is looked at then: the schema's parse and the walks below recurse as deep.
  const parsed = issues.length > 0 ? undefined : StateFileSchema.safeParse(data);
  if (parsed?.success === false) {
    for (const issue of parsed.error.issues) {
      issues.push({ path: issue.path as StatePath, message: describeZodIssue(issue.path, issue.message) });
    }
    // Every problem at once: the unknown keys of the parts that are valid on their own, too.
    collectUnknownKeysOfParts(data, issues);
  } else if (parsed?.success === true) {
    collectUnknownKeys(data, parsed.data, [], issues);
    collectIdentifiers(parsed.data, issues);
    collectDuplicates(parsed.data, issues);
  }
  if (issues.length > 0) {
    const placed = issues.map((issue) => withPosition(issue.path, issue.message, options.locate));
    // In the order of the file, where the reader can tell.
    if (options.locate !== undefined)
      placed.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
    throw new StateFileError(source, placed);
  }
  return (parsed as { data: StateFile }).data;
}

/**
 * Templates nested more than `MAX_TEMPLATE_DRAFT_DEPTH` levels, and Flow JSON objects nested
 * more than `MAX_FLOW_JSON_DEPTH` (`validateFlowJson`'s limit): no real file holds them (a
 * template nests about a dozen levels), and an object that contains itself counts as too deep.
 * A flow's other fields are strings and lists of names, which the schema refuses at once.
 */
function collectTooDeep(data: unknown, issues: { path: StatePath; message: string }[]): void {
  if (!isRecord(data)) return;
  if (Array.isArray(data.templates)) {
    data.templates.forEach((template, index) => {
      if (nestedDeeperThan(template, MAX_TEMPLATE_DRAFT_DEPTH)) {
        issues.push({
          path: ['templates', index],
          message: `the template nests more than ${MAX_TEMPLATE_DRAFT_DEPTH} levels deep`,
        });
      }
    });
  }
  if (Array.isArray(data.flows)) {
    data.flows.forEach((flow, index) => {
      if (isRecord(flow) && nestedDeeperThan(flow.flowJson, MAX_FLOW_JSON_DEPTH)) {
        issues.push({
          path: ['flows', index, 'flowJson'],
          message: `the Flow JSON nests more than ${MAX_FLOW_JSON_DEPTH} levels deep`,
        });
      }
    });
  }
}

function describeZodIssue(path: readonly PropertyKey[], message: string): string {
  if (path.length === 1 && path[0] === 'version') {
    return 'version must be 1: this library reads state files of version 1';
  }
  return message;
}

function withPosition(
  path: StatePath,
  message: string,
  locate: ParseStateFileOptions['locate'],
): StateFileIssue {
  const position = locate?.(path);
  return {
    path: pathText(path),
    message,
    ...(position !== undefined && { line: position.line, column: position.column }),
  };
}

/**
 * The schema drops keys it does not know; comparing what was read with what the schema kept finds
 * them, wherever they are, without a second, strict copy of every schema.
 */
function collectUnknownKeys(
  input: unknown,
  kept: unknown,
  path: (string | number)[],
  issues: { path: StatePath; message: string }[],
): void {
  if (Array.isArray(input) && Array.isArray(kept)) {
    input.forEach((item, index) => {
      collectUnknownKeys(item, kept[index], [...path, index], issues);
    });
    return;
  }
  if (!isRecord(input) || !isRecord(kept)) return;
  for (const key of Object.keys(input)) {
    if (input[key] === undefined) continue;
    if (!Object.hasOwn(kept, key)) {
      issues.push({ path: [...path, key], message: `unknown key '${key}'` });
    } else {
      collectUnknownKeys(input[key], kept[key], [...path, key], issues);
    }
  }
}

/** The keys a state file's top level has. */
const STATE_FILE_KEYS = new Set(['$schema', 'version', 'templates', 'flows']);

/**
 * For a file the schema refused: unknown keys at the top, and in each template, component and flow
 * that is valid by itself (the schema's issues already cover the others).
 */
function collectUnknownKeysOfParts(data: unknown, issues: { path: StatePath; message: string }[]): void {
  if (!isRecord(data)) return;
  for (const key of Object.keys(data)) {
    if (!STATE_FILE_KEYS.has(key)) issues.push({ path: [key], message: `unknown key '${key}'` });
  }
  const parts = (
    list: unknown,
    section: string,
    check: (item: unknown, path: (string | number)[]) => void,
  ) => {
    if (!Array.isArray(list)) return;
    for (const [index, item] of list.entries()) check(item, [section, index]);
  };
  const partKeys =
    (schema: { safeParse(value: unknown): { success: boolean; data?: unknown } }) =>
    (item: unknown, path: (string | number)[]) => {
      const result = schema.safeParse(item);
      if (result.success) collectUnknownKeys(item, result.data, path, issues);
      return result.success;
    };
  const template = partKeys(TemplateDraftSchema);
  const component = partKeys(TemplateDraftComponentSchema);
  parts(data.templates, 'templates', (item, path) => {
    if (template(item, path) || !isRecord(item)) return;
    parts(item.components, 'components', (part, partPath) => component(part, [...path, ...partPath]));
  });
  parts(data.flows, 'flows', partKeys(FlowDraftSchema));
}

/** Names and languages as the client checks them before a write. */
function collectIdentifiers(state: StateFile, issues: { path: StatePath; message: string }[]): void {
  const check = (path: StatePath, requireValid: () => unknown) => {
    try {
      requireValid();
    } catch (error) {
      issues.push({ path, message: (error as Error).message });
    }
  };
  state.templates?.forEach((template, index) => {
    check(['templates', index, 'name'], () => requireTemplateName(template.name));
    check(['templates', index, 'language'], () => requireLanguageCode(template.language, 'language'));
  });
  state.flows?.forEach((flow, index) => {
    check(['flows', index, 'name'], () => requireFlowName(flow.name));
  });
}

function collectDuplicates(state: StateFile, issues: { path: StatePath; message: string }[]): void {
  const templates = new Map<string, number>();
  state.templates?.forEach((template, index) => {
    const key = JSON.stringify([template.name, template.language]);
    const first = templates.get(key);
    if (first === undefined) templates.set(key, index);
    else
      issues.push({
        path: ['templates', index],
        message: `template '${template.name}' (${template.language}) is already at templates[${first}]`,
      });
  });
  const flows = new Map<string, number>();
  state.flows?.forEach((flow, index) => {
    const first = flows.get(flow.name);
    if (first === undefined) flows.set(flow.name, index);
    else
      issues.push({ path: ['flows', index], message: `flow '${flow.name}' is already at flows[${first}]` });
  });
}
