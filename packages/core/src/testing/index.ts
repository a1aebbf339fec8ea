export * from './call-context.js';
export * from './contract-suite.js';
export * from './fake-clock.js';
