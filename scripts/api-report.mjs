// API reports: the public surface of each entry point of each published package, as api-extractor
// prints it from the declarations `tsc -b` emits, checked in under `api/`. `pnpm api:update`
// rewrites them; `scripts/api-report.test.mjs`, run by `pnpm test`, fails when one no longer
// matches. Entry points are read from each package's `exports` map, so a new subpath or a new
// package under packages/ gets its report without a change here.
//
// api-extractor 7.60 analyses with its own TypeScript, 6.0.3, the version that emits the
// declarations; its settings are in scripts/api-extractor.json.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CompilerState, Extractor, ExtractorConfig } from '@microsoft/api-extractor';

const root = fileURLToPath(new URL('..', import.meta.url));
const packagesDir = join(root, 'packages');
const settingsPath = join(root, 'scripts/api-extractor.json');
export const reportFolder = join(root, 'api');
const REPORT_SUFFIX = '.api.md';

/**
 * Every entry point of every package that is not `private`, with the file name of its report:
 * `core.api.md` for `@whatsapp-bsp/core`, `core-testing.api.md` for `@whatsapp-bsp/core/testing`.
 */
export function publishedEntryPoints() {
  const entryPoints = [];
  for (const dirName of readdirSync(packagesDir).sort()) {
    const dir = join(packagesDir, dirName);
    const manifestPath = join(dir, 'package.json');
    if (!existsSync(manifestPath)) continue;
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
    if (manifest.private === true) continue;
    const unscopedName = manifest.name.replace(/^@[^/]+\//, '');
    for (const [subpath, target] of Object.entries(manifest.exports ?? {})) {
      const where = `${manifest.name}: exports["${subpath}"]`;
      // A pattern such as "./*" has no one declaration file to report on.
      if (subpath.includes('*')) throw new Error(`${where} is a pattern, which the API report cannot cover`);
      const types = typesOf(target);
      // An entry point without declarations would be public surface that no report covers.
      if (types === undefined) throw new Error(`${where} has no "types" condition`);
      const subpathName = subpath.replace(/^\.\/?/, '');
      entryPoints.push({
        name: subpathName === '' ? manifest.name : `${manifest.name}/${subpathName}`,
        dir,
        manifestPath,
        declarations: join(dir, types),
        report: `${unscopedName}${subpathName === '' ? '' : `-${subpathName.replaceAll('/', '-')}`}${REPORT_SUFFIX}`,
      });
    }
  }
  return entryPoints;
}

/** The `types` condition of an `exports` target, looked for in nested conditions too. */
function typesOf(target) {
  if (target === null || typeof target !== 'object') return undefined;
  if (typeof target.types === 'string') return target.types;
  for (const nested of Object.values(target)) {
    const types = typesOf(nested);
    if (types !== undefined) return types;
  }
  return undefined;
}

/** Reports under `api/` that no entry point produces any more (a subpath or a package removed). */
export function orphanReports(entryPoints) {
  if (!existsSync(reportFolder)) return [];
  const expected = new Set(entryPoints.map((entryPoint) => entryPoint.report));
  return readdirSync(reportFolder)
    .filter((file) => file.endsWith(REPORT_SUFFIX) && !expected.has(file))
    .sort();
}

/**
 * Runs api-extractor on each entry point, all analysed by one TypeScript program so that the
 * declarations they share (core's, zod's, Node's) are read once: about two seconds for all.
 * With `update`, a report that differs is rewritten; without, the reports are left alone and
 * each result says whether its report still matches, with the difference as a patch.
 */
export function runApiExtractor(entryPoints, { update }) {
  for (const { name, declarations } of entryPoints) {
    if (!existsSync(declarations)) {
      throw new Error(`${name}: ${relative(root, declarations)} is missing; run \`pnpm build\` first`);
    }
  }
  // `loadFile` applies api-extractor's defaults to the settings, which `prepare` alone would not.
  const settings = ExtractorConfig.loadFile(settingsPath);
  const tempFolder = mkdtempSync(join(tmpdir(), 'wabsp-api-report-'));
  try {
    let compilerState;
    return entryPoints.map((entryPoint) => {
      const config = extractorConfig(settings, entryPoint, entryPoints, tempFolder);
      compilerState ??= CompilerState.create(config);
      const errors = [];
      const warnings = [];
      let diff = '';
      const result = Extractor.invoke(config, {
        compilerState,
        localBuild: update,
        printApiReportDiff: !update,
        messageCallback: (message) => {
          // api-extractor would print to the console; the caller decides what to show.
          message.handled = true;
          const text = message.formatMessageWithLocation(root);
          if (message.messageId === 'console-api-report-diff') diff = message.text;
          else if (message.logLevel === 'error') errors.push(text);
          // Its warnings about the report file itself (created, changed) are what `changed` says.
          else if (message.logLevel === 'warning' && !message.messageId.startsWith('console-api-report')) {
            warnings.push(text);
          }
        },
      });
      return { entryPoint, changed: result.apiReportChanged, errors, warnings, diff };
    });
  } finally {
    rmSync(tempFolder, { recursive: true, force: true });
  }
}

function extractorConfig(settings, entryPoint, entryPoints, tempFolder) {
  return ExtractorConfig.prepare({
    configObject: {
      ...settings,
      projectFolder: entryPoint.dir,
      mainEntryPointFilePath: entryPoint.declarations,
      compiler: {
        // The packages' own compiler options, over the entry points and what they import.
        overrideTsconfig: {
          extends: join(root, 'tsconfig.base.json'),
          files: entryPoints.map((each) => each.declarations),
        },
      },
      apiReport: {
        ...settings.apiReport,
        reportFileName: entryPoint.report.slice(0, -REPORT_SUFFIX.length),
        reportFolder,
        reportTempFolder: tempFolder,
      },
    },
    configObjectFullPath: settingsPath,
    packageJsonFullPath: entryPoint.manifestPath,
  });
}

/** `pnpm api:update`: rewrites the reports that changed and removes the orphans. */
function update() {
  const entryPoints = publishedEntryPoints();
  mkdirSync(reportFolder, { recursive: true });
  let failed = false;
  for (const { entryPoint, changed, errors, warnings } of runApiExtractor(entryPoints, { update: true })) {
    console.log(`${changed ? 'updated  ' : 'unchanged'} api/${entryPoint.report}  (${entryPoint.name})`);
    for (const message of [...errors, ...warnings]) console.error(`  ${message}`);
    if (errors.length > 0) failed = true;
  }
  for (const orphan of orphanReports(entryPoints)) {
    rmSync(join(reportFolder, orphan));
    console.log(`removed   api/${orphan}  (no published entry point has this name any more)`);
  }
  if (failed) {
    console.error('api-extractor reported errors (above); the reports they concern may be incomplete.');
    process.exitCode = 1;
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) update();
