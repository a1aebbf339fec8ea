import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'redis',
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
  ssr: { resolve: { conditions: ['source', 'module', 'node', 'development|production'] } },
});
