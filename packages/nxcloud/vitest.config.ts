import { defineProject } from 'vitest/config';

/** Proxy variables of the shell running the tests, which must not route nock's or loopback requests. */
const NO_PROXY_ENVIRONMENT = Object.fromEntries(
  ['HTTP_PROXY', 'HTTPS_PROXY', 'ALL_PROXY', 'NO_PROXY'].flatMap((name) => [
    [name, ''],
    [name.toLowerCase(), ''],
  ]),
);

export default defineProject({
  test: {
    name: 'nxcloud',
    include: ['src/**/*.test.ts'],
    environment: 'node',
    env: NO_PROXY_ENVIRONMENT,
  },
  ssr: { resolve: { conditions: ['source', 'module', 'node', 'development|production'] } },
});
