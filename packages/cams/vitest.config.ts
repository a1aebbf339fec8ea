import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'cams',
    include: ['src/**/*.test.ts'],
    environment: 'node',
    // Load CommonJS dependencies as Node does (the default import is `module.exports`), so the
    // Alibaba Cloud packages' `.default` classes are found the same way in tests as in production.
    deps: { interopDefault: false },
  },
  ssr: { resolve: { conditions: ['source', 'module', 'node', 'development|production'] } },
});
