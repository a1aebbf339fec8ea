// API reports: the public surface of each entry point of each published package, as api-extractor
// prints it from the declarations `tsc -b` emits, checked in under `api/`. `pnpm api:update`
// rewrites them; `scripts/api-report.test.mjs`, run by `pnpm test`, fails when one no longer
// matches. Entry points are read from each package's `exports` map, so a new subpath or a new
// package under packages/ gets its report without a change here.
//
// api-extractor 7.60 analyses with its own TypeScript, 6.0.3, the version that emits the
// declarations; its settings are in scripts/api-extractor.json.
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
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
      Extractor.invoke(config, {
        compilerState,
        // Never let api-extractor write or judge the checked-in report: it compares the text as
        // printed, and the printed order of inferred unions varies between builds (below).
        localBuild: false,
        messageCallback: (message) => {
          // api-extractor would print to the console; the caller decides what to show.
          message.handled = true;
          if (message.messageId.startsWith('console-api-report')) return;
          const text = message.formatMessageWithLocation(root);
          if (message.logLevel === 'error') errors.push(text);
          else if (message.logLevel === 'warning') warnings.push(text);
        },
      });
      const reportPath = join(reportFolder, entryPoint.report);
      const generated = normalizeReport(readFileSync(join(tempFolder, entryPoint.report), 'utf8'));
      const current = existsSync(reportPath) ? readFileSync(reportPath, 'utf8') : undefined;
      const changed = current === undefined || comparable(normalizeReport(current)) !== comparable(generated);
      // Written in its sorted form whenever the text differs, so the checked-in reports stay sorted.
      if (update && current !== generated) writeFileSync(reportPath, generated);
      const diff = changed && current !== undefined ? lineDiff(normalizeReport(current), generated) : '';
      return { entryPoint, changed, errors, warnings, diff };
    });
  } finally {
    rmSync(tempFolder, { recursive: true, force: true });
  }
}

/**
 * The report with the members of inferred string-literal unions in one order. TypeScript prints a
 * union it inferred (a zod enum's `{ A: "A"; B: "B" }`, a `"A" | "B"`) in the order its member
 * types were first created, which differs between a clean build and an incremental one; the API
 * is the same either way, so the report sorts them.
 */
export function normalizeReport(text) {
  const lines = text
    .split('\n')
    .map((line) =>
      line.replace(/"[^"\n]*"(?: \| "[^"\n]*")+/g, (union) => union.split(' | ').sort().join(' | ')),
    );
  const result = [];
  let run = [];
  let runIndent = '';
  const flush = () => {
    result.push(...run.sort());
    run = [];
  };
  for (const line of lines) {
    // One member of an enum's object type: `    NAME: "NAME";`.
    const member = /^(\s*)([\w$]+): "\2";$/.exec(line);
    if (member === null || member[1] !== runIndent) flush();
    if (member === null) {
      result.push(line);
    } else {
      runIndent = member[1];
      run.push(line);
    }
  }
  flush();
  return result.join('\n');
}

/**
 * The report as a sorted list of its lines, each prefixed with the declaration it belongs to.
 * TypeScript also prints the members of an inferred object type (a zod schema built with
 * `extend` or `omit`) in an order that differs between builds; comparing each declaration's lines
 * as a set ignores that order, while a member added, removed, changed or moved to another
 * declaration still counts.
 */
function comparable(text) {
  let declaration = '';
  const keyed = [];
  for (const line of text.split('\n')) {
    if (/^(export|declare) /.test(line)) declaration = line;
    keyed.push(`${declaration}\u0000${line}`);
  }
  return keyed.sort().join('\n');
}

/** The lines that differ between two reports, with a little context, for the failure message. */
function lineDiff(before, after) {
  const a = before.split('\n');
  const b = after.split('\n');
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start += 1;
  let endA = a.length - 1;
  let endB = b.length - 1;
  while (endA >= start && endB >= start && a[endA] === b[endB]) {
    endA -= 1;
    endB -= 1;
  }
  const context = Math.max(0, start - 3);
  const shown = [
    `@@ line ${start + 1} @@`,
    ...a.slice(context, start).map((line) => `  ${line}`),
    ...a.slice(start, endA + 1).map((line) => `- ${line}`),
    ...b.slice(start, endB + 1).map((line) => `+ ${line}`),
  ];
  return shown.slice(0, 80).join('\n');
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
