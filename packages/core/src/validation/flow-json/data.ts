import type { FlowJsonChecker, JsonType } from './checker.js';
import { jsonTypeOf } from './checker.js';
import type { ReferenceSite, ScreenFacts } from './components.js';
import type { JsonPath } from './path.js';

/*
 * The rules on screen data and dynamic references: every `data` entry declares its type and an
 * `__example__` of that type, and every `${data.…}`, `${form.…}` and `${screen.<id>.…}` names
 * something the screen declares or holds.
 */

/** The types a data entry may declare, and the JSON type its `__example__` must have. */
const DATA_TYPES: Readonly<Record<string, JsonType>> = {
  string: 'string',
  number: 'number',
  integer: 'number',
  boolean: 'boolean',
  object: 'object',
  array: 'array',
};

/** Global references (`${screen.<id>.form.<name>}`) came with Flow JSON 4.0. */
const GLOBAL_REFERENCES_SINCE = '4.0';

const NAME = '([^.\\[\\]\\s]+)';
const LOCAL_REFERENCE = new RegExp(`^(data|form)\\.${NAME}`);
const GLOBAL_REFERENCE = new RegExp(`^screen\\.${NAME}\\.(data|form)\\.${NAME}`);

export function checkData(facts: readonly ScreenFacts[], checker: FlowJsonChecker): void {
  const byId = new Map<string, ScreenFacts>();
  for (const screenFacts of facts) {
    const { id } = screenFacts.screen;
    if (id !== undefined && !byId.has(id)) byId.set(id, screenFacts);
  }
  for (const screenFacts of facts) {
    checkDeclarations(screenFacts, checker);
    for (const site of screenFacts.references) checkReferences(site, screenFacts, byId, checker);
  }
}

function checkDeclarations({ screen }: ScreenFacts, checker: FlowJsonChecker): void {
  if (screen.data === undefined) return;
  for (const [key, declaration] of Object.entries(screen.data)) {
    const path: JsonPath = [...screen.path, 'data', key];
    if (!checker.expectType(declaration, 'object', path, key)) continue;
    const { type, __example__: example } = declaration as Record<string, unknown>;
    let exampleType: JsonType | undefined;
    if (checker.require(declaration as Record<string, unknown>, 'type', path, `Data entry '${key}'`)) {
      if (typeof type === 'string' && Object.hasOwn(DATA_TYPES, type)) exampleType = DATA_TYPES[type];
      else {
        checker.report(
          'INVALID_PROPERTY_VALUE',
          [...path, 'type'],
          `Invalid value found for property 'type': a data entry's type is one of ${Object.keys(DATA_TYPES).join(', ')}.`,
        );
      }
    }
    if (example === undefined) {
      checker.report(
        'MISSING_DATA_EXAMPLE',
        path,
        `Data entry '${key}' needs an __example__ value (Meta shows it in previews and checks the data against it).`,
      );
    } else if (exampleType !== undefined && jsonTypeOf(example) !== exampleType) {
      checker.report(
        'DATA_EXAMPLE_TYPE_MISMATCH',
        [...path, '__example__'],
        `The __example__ of '${key}' must be of type ${exampleType}, not ${jsonTypeOf(example)}.`,
      );
    }
  }
}

function checkReferences(
  { text, path }: ReferenceSite,
  here: ScreenFacts,
  byId: ReadonlyMap<string, ScreenFacts>,
  checker: FlowJsonChecker,
): void {
  // indexOf rather than matchAll, which copies its regular expression on every call.
  for (let start = text.indexOf('${'), end = 0; start !== -1; start = text.indexOf('${', end + 1)) {
    end = text.indexOf('}', start);
    if (end === -1) return;
    const reference = text.slice(start, end + 1);
    const expression = text.slice(start + 2, end);
    const local = LOCAL_REFERENCE.exec(expression);
    if (local !== null) {
      checkTarget(reference, local[1] as 'data' | 'form', local[2]!, here, path, checker);
      continue;
    }
    const global = GLOBAL_REFERENCE.exec(expression);
    if (global === null) continue;
    if (!checker.allows(GLOBAL_REFERENCES_SINCE)) {
      checker.report(
        'NOT_AVAILABLE_IN_VERSION',
        path,
        `'${reference}' refers to another screen, which needs Flow JSON ${GLOBAL_REFERENCES_SINCE} or later.`,
      );
      continue;
    }
    const screenId = global[1]!;
    const there = byId.get(screenId);
    if (there === undefined) {
      checker.report(
        'UNKNOWN_SCREEN_REFERENCE',
        path,
        `'${reference}' refers to screen '${screenId}', which does not exist.`,
      );
      continue;
    }
    checkTarget(reference, global[2] as 'data' | 'form', global[3]!, there, path, checker);
  }
}

/** Whether screen `facts` declares data `name` (for `data`) or holds an input named `name` (for `form`). */
function checkTarget(
  reference: string,
  kind: 'data' | 'form',
  name: string,
  facts: ScreenFacts,
  path: JsonPath,
  checker: FlowJsonChecker,
): void {
  const screenName = `'${facts.screen.id ?? '?'}'`;
  if (kind === 'data') {
    const data = facts.screen.data;
    if (data === undefined || !Object.hasOwn(data, name)) {
      checker.report(
        'UNDECLARED_DATA_REFERENCE',
        path,
        `'${reference}' refers to data '${name}', which screen ${screenName} does not declare in its 'data'.`,
      );
    }
  } else if (!facts.inputNames.has(name)) {
    checker.report(
      'UNKNOWN_FORM_REFERENCE',
      path,
      `'${reference}' refers to input '${name}', which screen ${screenName} does not hold.`,
    );
  }
}
