import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'integration',
    include: ['src/**/*.test.ts'],
    // Judged by arrival times, so run on their own once everything else is done (see that config).
    exclude: ['src/shared-budget.test.ts'],
    environment: 'node',
  },
  ssr: { resolve: { conditions: ['source', 'module', 'node', 'development|production'] } },
});
