import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The emulator is a second, independent implementation of each vendor protocol: if it reused an
// adapter's signer, a signing bug would verify itself. So its code imports Node and itself only.
const sourceRoot = dirname(fileURLToPath(import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

/** The specifiers of static `import … from`/`export … from` statements and dynamic `import()`. */
function importsOf(text: string): string[] {
  const statements = text.matchAll(/^(?:import|export)\s[^;]*?\bfrom\s+'([^']+)'/gms);
  const dynamic = text.matchAll(/\bimport\(\s*'([^']+)'\s*\)/g);
  return [...statements, ...dynamic].map((match) => match[1]!);
}

describe('the emulator imports', () => {
  const files = sourceFiles(sourceRoot);

  it('only Node built-ins and its own files, never an adapter or core', () => {
    expect(files.length).toBeGreaterThan(30);
    const foreign: string[] = [];
    for (const file of files) {
      for (const specifier of importsOf(readFileSync(file, 'utf8'))) {
        const own =
          specifier.startsWith('.') &&
          !relative(sourceRoot, resolve(dirname(file), specifier)).startsWith('..');
        if (!own && !specifier.startsWith('node:'))
          foreign.push(`${relative(sourceRoot, file)}: ${specifier}`);
      }
    }
    expect(foreign).toEqual([]);
  });
});
