import { defineConfig } from 'vitest/config';

// The one list of test projects. Vitest 4 no longer reads a file of this name by itself, so the
// root `test` script loads it with `--config vitest.workspace.ts`.
const jsonReport = process.env.WABSP_TEST_JSON_REPORT;

export default defineConfig({
  test: {
    projects: [
      'packages/core',
      'packages/nxcloud',
      'packages/cams',
      'packages/emulator',
      'packages/cli',
      'packages/redis',
      'packages/integration',
      'examples',
      {
        // The API reports of the published packages (scripts/api-report.mjs); reads dist/.
        test: {
          name: 'api-report',
          include: ['scripts/*.test.mjs'],
          environment: 'node',
          // One TypeScript program over every package's declarations: seconds, more on a busy machine.
          hookTimeout: 120_000,
        },
      },
    ],
    // .ci/run asks for a machine-readable summary next to the usual console output.
    reporters: jsonReport ? ['default', 'json'] : ['default'],
    outputFile: jsonReport ? { json: jsonReport } : undefined,
  },
});
