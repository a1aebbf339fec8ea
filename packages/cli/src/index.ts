export type { CliIo, OutputStream } from './cli-io.js';
export { runCli } from './main.js';
