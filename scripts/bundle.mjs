// Bundles each publishable package's compiled `dist/index.js` into one ES module,
// `dist/index.bundle.js`, which its package.json exports as the default. Node 20 loads ES modules
// one file at a time (resolve, read, compile, link), so a package of a few dozen small modules
// imports several times slower than the same code in one file. Every bare import (dependencies,
// sibling packages, `node:` built-ins) stays external, so each package is still loaded once and
// shared. Run after `tsc -b`, by the root `build` script.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { rolldown } from 'rolldown';

const root = new URL('..', import.meta.url).pathname;
const packagesDir = join(root, 'packages');

/** Relative and absolute paths are the package's own files; everything else is a dependency. */
function isExternal(id) {
  return !id.startsWith('.') && !id.startsWith('/') && !id.startsWith('\0');
}

async function publishablePackages() {
  const found = [];
  for (const name of (await readdir(packagesDir)).sort()) {
    const dir = join(packagesDir, name);
    const manifest = JSON.parse(await readFile(join(dir, 'package.json'), 'utf8'));
    if (manifest.private !== true) found.push({ name: manifest.name, dir });
  }
  return found;
}

for (const { name, dir } of await publishablePackages()) {
  const bundle = await rolldown({
    input: join(dir, 'dist/index.js'),
    platform: 'node',
    external: isExternal,
    logLevel: 'warn',
    onLog(level, log) {
      throw new Error(`${name}: ${log.message} (${level})`);
    },
  });
  try {
    await bundle.write({ file: join(dir, 'dist/index.bundle.js'), format: 'esm', sourcemap: true });
  } finally {
    await bundle.close();
  }
}
