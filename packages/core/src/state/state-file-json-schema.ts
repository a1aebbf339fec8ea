import { z } from 'zod';
import { isRecord } from '../adapter/is-record.js';
import { StateFileSchema } from './state-file.js';

/**
 * The JSON Schema of a state file, generated from the same zod schemas that `parseStateFile`
 * checks with, for editors' completion and checks (VS Code's `json.schemas`, the YAML language
 * server's `# yaml-language-server: $schema=…`). JSON Schema draft 7, which editors support
 * widely. Objects admit no keys but their own, as `parseStateFile` does; a `flowJson` object
 * admits any.
 *
 * The package ships it as `dist/state/state-file.schema.json`; a test keeps that file equal to
 * what this function returns.
 */
export function stateFileJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(StateFileSchema, {
    target: 'draft-7',
    io: 'input',
    unrepresentable: 'any',
  }) as Record<string, unknown>;
  closeObjects(generated);
  nameComponentDefinition(generated);
  const { $schema, ...rest } = generated;
  return {
    $schema,
    title: 'whatsapp-bsp state file',
    description:
      'The desired message templates and WhatsApp Flows of an account, for wabsp plan and wabsp apply.',
    ...rest,
  };
}

/** Sets `additionalProperties: false` on every object schema that lists its properties. */
function closeObjects(node: unknown): void {
  if (Array.isArray(node)) {
    for (const item of node) closeObjects(item);
    return;
  }
  if (!isRecord(node)) return;
  if (node.type === 'object' && isRecord(node.properties) && node.additionalProperties === undefined) {
    node.additionalProperties = false;
  }
  for (const value of Object.values(node)) closeObjects(value);
}

/**
 * zod names the recursive definition of a template component (a carousel card holds components)
 * `__schema0`; editors show definition names, so it gets its model's name.
 */
function nameComponentDefinition(schema: Record<string, unknown>): void {
  const definitions = schema.definitions;
  if (!isRecord(definitions)) return;
  for (const [name, definition] of Object.entries(definitions)) {
    const first = isRecord(definition) && Array.isArray(definition.oneOf) ? definition.oneOf[0] : undefined;
    const type = isRecord(first) && isRecord(first.properties) ? first.properties.type : undefined;
    if (!isRecord(type) || type.const !== 'HEADER' || name === COMPONENT_DEFINITION) continue;
    const text = JSON.stringify(schema).replaceAll(
      `"#/definitions/${name}"`,
      `"#/definitions/${COMPONENT_DEFINITION}"`,
    );
    const renamed = JSON.parse(text) as Record<string, unknown>;
    const renamedDefinitions = renamed.definitions as Record<string, unknown>;
    renamedDefinitions[COMPONENT_DEFINITION] = renamedDefinitions[name];
    delete renamedDefinitions[name];
    Object.assign(schema, renamed);
    return;
  }
}

const COMPONENT_DEFINITION = 'TemplateDraftComponent';
