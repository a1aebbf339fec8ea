import { isRecord } from '../../adapter/is-record.js';
import { nestedDeeperThan } from '../../adapter/json-nesting.js';
import type { FlowValidationError } from '../../model/flow.js';
import { checkActions } from './actions.js';
import { FlowJsonChecker, type FlowJsonIssue } from './checker.js';
import { checkComponents } from './components.js';
import { checkData } from './data.js';
import { checkDocument, effectiveVersion } from './document.js';
import { FLOW_JSON_ERROR_CODES } from './error-codes.js';
import { locatePaths, locateSyntaxError, type TextSpan } from './locate.js';
import { formatPath } from './path.js';
import { checkRouting } from './routing.js';
import { checkScreens, checkTerminalScreens } from './screens.js';
import { FLOW_DATA_API_VERSIONS, FLOW_JSON_VERSIONS } from './versions.js';

/** Meta's limit on the size of a Flow JSON file, read as 10 MiB of UTF-8. */
export const MAX_FLOW_JSON_BYTES = 10 * 1024 * 1024;

/**
 * The deepest nesting checked. Real flows nest about 20 levels (data examples a little more);
 * the limit keeps every walk's recursion, and `JSON.stringify` of an object input, far from the
 * stack's end, and catches an object that contains itself.
 */
export const MAX_FLOW_JSON_DEPTH = 100;

export interface ValidateFlowJsonOptions {
  /** The Flow JSON versions to accept; `FLOW_JSON_VERSIONS` by default. */
  readonly versions?: readonly string[];
  /** The `data_api_version` values to accept; `FLOW_DATA_API_VERSIONS` by default. */
  readonly dataApiVersions?: readonly string[];
}

/**
 * Checks a Flow JSON offline with the rules Meta applies that need no server (the list, with
 * each error code, is in `docs/flow-json-rules.md`): the top-level properties, the version,
 * screens and their ids, terminal screens and their Footer, actions and where they lead, the
 * routing model, components (types, versions, required properties, nesting, per-screen limits,
 * unique input names), screen data and dynamic references, and the 10 MiB size limit.
 *
 * @param flowJson - The Flow JSON as text, or as a value (an object as `JSON.parse` returns it).
 *   Errors in text carry `lineStart`/`columnStart`/`lineEnd`/`columnEnd` (1-based, the end on the
 *   value's last character), on the error and on its pointer, except FLOW_JSON_TOO_LARGE and
 *   NESTING_TOO_DEEP, which are about the whole text; errors in a value carry none.
 * @returns Every problem found, in Meta's `validation_errors` shape: `error` (a stable code),
 *   `errorType` (`JSON_SCHEMA_ERROR` or `FLOW_JSON_ERROR`), `message`, and one pointer whose
 *   `path` is in Meta's style, `screens[0].layout.children[2].label` (`''` is the document
 *   itself). An empty array means no rule found anything. Text that is not JSON gives one
 *   INVALID_FLOW_JSON error at the place it stops being JSON. Never throws.
 */
export function validateFlowJson(
  flowJson: unknown,
  options: ValidateFlowJsonOptions = {},
): FlowValidationError[] {
  const settings = {
    versions: options.versions ?? FLOW_JSON_VERSIONS,
    dataApiVersions: options.dataApiVersions ?? FLOW_DATA_API_VERSIONS,
  };
  return typeof flowJson === 'string' ? validateText(flowJson, settings) : validateValue(flowJson, settings);
}

type Settings = { versions: readonly string[]; dataApiVersions: readonly string[] };

function validateText(text: string, settings: Settings): FlowValidationError[] {
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > MAX_FLOW_JSON_BYTES) return [tooLarge(bytes)];
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return [syntaxError(text, error)];
  }
  // Checked here, not left to checkValue: placing the error would walk all those levels.
  if (nestedDeeperThan(value, MAX_FLOW_JSON_DEPTH)) return [tooDeep()];
  const issues = checkValue(value, settings);
  if (issues.length === 0) return [];
  const spans = locatePaths(
    text,
    issues.map((issue) => issue.path),
  );
  return issues.map((issue, index) => toValidationError(issue, spans[index]));
}

function validateValue(value: unknown, settings: Settings): FlowValidationError[] {
  // Before JSON.stringify, which recurses: an object that contains itself is "too deep" too.
  if (nestedDeeperThan(value, MAX_FLOW_JSON_DEPTH)) return [tooDeep()];
  let text: string | undefined;
  try {
    text = JSON.stringify(value);
  } catch (error) {
    return [
      toValidationError({
        code: 'INVALID_FLOW_JSON',
        path: [],
        message: `The Flow JSON cannot be written as JSON: ${error instanceof Error ? error.message : String(error)}`,
      }),
    ];
  }
  if (text === undefined) return [notAnObject()];
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > MAX_FLOW_JSON_BYTES) return [tooLarge(bytes)];
  // The JSON form, as Meta will see it: no undefined, no class instances, toJSON applied.
  return checkValue(JSON.parse(text), settings).map((issue) => toValidationError(issue));
}

/** Runs every rule group over a parsed document. */
function checkValue(value: unknown, settings: Settings): FlowJsonIssue[] {
  if (nestedDeeperThan(value, MAX_FLOW_JSON_DEPTH)) return [tooDeepIssue()];
  if (!isRecord(value)) return [notAnObjectIssue()];
  const checker = new FlowJsonChecker(effectiveVersion(value, settings.versions));
  const document = checkDocument(value, checker, settings);
  const index = checkScreens(document, checker);
  const facts = checkComponents(index, checker);
  checkTerminalScreens(facts, checker);
  checkActions(document, index, facts, checker);
  checkRouting(document, index, checker);
  checkData(facts, checker);
  return checker.issues;
}

function toValidationError(issue: FlowJsonIssue, span?: TextSpan): FlowValidationError {
  const path = formatPath(issue.path);
  return {
    error: issue.code,
    errorType: FLOW_JSON_ERROR_CODES[issue.code].errorType,
    message: issue.message,
    ...span,
    pointers: [{ ...span, path }],
  };
}

function syntaxError(text: string, error: unknown): FlowValidationError {
  const reason = error instanceof Error ? error.message : String(error);
  const located = locateSyntaxError(text);
  const message = `The Flow JSON is not valid JSON: ${reason}`;
  return toValidationError({ code: 'INVALID_FLOW_JSON', path: [], message }, located);
}

function tooLarge(bytes: number): FlowValidationError {
  return toValidationError({
    code: 'FLOW_JSON_TOO_LARGE',
    path: [],
    message: `The Flow JSON is ${bytes} bytes; Meta accepts at most ${MAX_FLOW_JSON_BYTES} (10 MiB).`,
  });
}

function tooDeepIssue(): FlowJsonIssue {
  return {
    code: 'NESTING_TOO_DEEP',
    path: [],
    message: `The Flow JSON nests more than ${MAX_FLOW_JSON_DEPTH} levels deep (or contains itself).`,
  };
}

function tooDeep(): FlowValidationError {
  return toValidationError(tooDeepIssue());
}

function notAnObjectIssue(): FlowJsonIssue {
  return { code: 'INVALID_FLOW_JSON', path: [], message: 'The Flow JSON must be a JSON object.' };
}

function notAnObject(): FlowValidationError {
  return toValidationError(notAnObjectIssue());
}
