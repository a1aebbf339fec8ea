import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { stateFileJsonSchema } from './state-file-json-schema.js';

// The package ships this file (tsc copies it to dist/state/) for editors. It is generated from
// the zod schemas; `WABSP_UPDATE_STATE_SCHEMA=1` rewrites it from them.
const SCHEMA_FILE = fileURLToPath(new URL('./state-file.schema.json', import.meta.url));

describe('the state file JSON Schema', () => {
  it('is the checked-in file, generated from the zod schemas', () => {
    const generated = `${JSON.stringify(stateFileJsonSchema(), null, 2)}\n`;
    if (process.env.WABSP_UPDATE_STATE_SCHEMA === '1') writeFileSync(SCHEMA_FILE, generated);
    expect(
      readFileSync(SCHEMA_FILE, 'utf8'),
      'state-file.schema.json is stale: run WABSP_UPDATE_STATE_SCHEMA=1 npx vitest run src/state/state-file-json-schema.test.ts in packages/core',
    ).toBe(generated);
  });

  it('closes every object that lists its properties, as parseStateFile refuses unknown keys', () => {
    const schema = stateFileJsonSchema() as {
      additionalProperties?: unknown;
      properties: Record<
        string,
        {
          items?: {
            additionalProperties?: unknown;
            properties?: Record<string, { anyOf?: { additionalProperties?: unknown }[] }>;
          };
        }
      >;
    };
    expect(schema.additionalProperties).toBe(false);
    expect(schema.properties.templates?.items?.additionalProperties).toBe(false);
    const flow = schema.properties.flows?.items;
    expect(flow?.additionalProperties).toBe(false);
    // A Flow JSON object is Meta's document: any key goes.
    const flowJsonObject = flow?.properties?.flowJson?.anyOf?.find(
      (option) => 'additionalProperties' in option,
    );
    expect(flowJsonObject?.additionalProperties).toEqual({});
  });

  it('names the state file and its version, for editors', () => {
    const schema = stateFileJsonSchema() as Record<string, unknown> & {
      properties: { version: unknown };
      required: string[];
    };
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(schema.title).toBe('whatsapp-bsp state file');
    expect(schema.properties.version).toMatchObject({ const: 1 });
    expect(schema.required).toEqual(['version']);
  });
});
