import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { assert, beforeAll, describe, it } from 'vitest';
import { orphanReports, publishedEntryPoints, reportFolder, runApiExtractor } from './api-report.mjs';

// Reads the declarations in each package's dist/, which the root `test` script builds first.
const entryPoints = publishedEntryPoints();
const HOW_TO_UPDATE = 'If the change is intended, run `pnpm api:update` and commit the report with it.';

describe('API reports', () => {
  let results;
  beforeAll(() => {
    results = new Map(
      runApiExtractor(entryPoints, { update: false }).map((result) => [result.entryPoint, result]),
    );
  });

  it.each(entryPoints.map((entryPoint) => [entryPoint.name, entryPoint]))(
    '%s matches its checked-in report',
    (name, entryPoint) => {
      const { changed, errors, diff } = results.get(entryPoint);
      if (errors.length > 0) assert.fail(`${name}: api-extractor failed:\n${errors.join('\n')}`);
      if (!existsSync(join(reportFolder, entryPoint.report))) {
        assert.fail(`${name} has no API report (api/${entryPoint.report}). ${HOW_TO_UPDATE}`);
      }
      if (changed) {
        assert.fail(
          `The public API of ${name} differs from api/${entryPoint.report}. ${HOW_TO_UPDATE}\n\n${diff}`,
        );
      }
    },
  );

  it('has no report left of an entry point that is gone', () => {
    const orphans = orphanReports(entryPoints);
    if (orphans.length > 0) {
      assert.fail(
        `No published entry point produces ${orphans.map((file) => `api/${file}`).join(', ')}. Run \`pnpm api:update\` to remove it.`,
      );
    }
  });
});
