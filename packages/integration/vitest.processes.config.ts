import { defineProject } from 'vitest/config';

// The worker-process tests judge a rate limiter by when its requests arrive. On a machine busy
// with every other test file, a starved worker sends late and blurs those times; this project's
// group runs after all the others have finished.
export default defineProject({
  test: {
    name: 'integration-processes',
    include: ['src/shared-budget.test.ts'],
    environment: 'node',
    sequence: { groupOrder: 1 },
  },
  ssr: { resolve: { conditions: ['source', 'module', 'node', 'development|production'] } },
});
