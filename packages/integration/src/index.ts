/*
 * Test support for running whatsapp-bsp against the emulator over real sockets. The package is
 * private: its tests are the point; these are the pieces they share.
 */
export { AUDIT_SECRETS } from './audit-secrets.js';
export { type AdapterOptions, clientFor, VENDORS } from './emulator-clients.js';
export { formatTable } from './format-table.js';
export {
  type AnswerFate,
  type LossyProxy,
  type ProxiedRequest,
  startLossyProxy,
} from './lossy-proxy.js';
export { countOpenHandles, type HandleCounts, settledOpenHandles } from './open-handles.js';
export { type ProxyAnswer, type RecordingProxy, startRecordingProxy } from './recording-proxy.js';
export { CLI_BIN, type CliRun, runCli } from './run-cli.js';
export { SecretAudit, type SecretHit } from './secret-audit.js';
export {
  achievedRate,
  arrivalsAheadOfTurns,
  closestGap,
  shortestSpanOverQuota,
} from './shared-budget-checks.js';
export type { SharedBudgetWorkerConfig, WorkerReport } from './shared-budget-messages.js';
export {
  runSharedBudgetWorkers,
  type SharedBudgetResult,
  type SharedBudgetRun,
} from './shared-budget-run.js';
export { recordingTurns } from './turn-recorder.js';
