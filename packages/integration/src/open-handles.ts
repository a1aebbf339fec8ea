import { setTimeout as sleep } from 'node:timers/promises';

/** The kinds of handle a leaked socket, server or timer leaves; others belong to the test runner. */
const WATCHED = ['TCPSocketWrap', 'TCPServerWrap', 'Timeout'] as const;
export type HandleCounts = Record<(typeof WATCHED)[number], number>;

export function countOpenHandles(): HandleCounts {
  const resources = process.getActiveResourcesInfo();
  return Object.fromEntries(
    WATCHED.map((kind) => [kind, resources.filter((resource) => resource === kind).length]),
  ) as HandleCounts;
}

/**
 * The open handles once closing has settled. A closed server or socket leaves the active list
 * only after its close callback has run on a later turn of the event loop, so this polls for
 * the counts to come back to `baseline`, up to `patienceMs`, and returns what it last saw.
 */
export async function settledOpenHandles(baseline: HandleCounts, patienceMs = 5_000): Promise<HandleCounts> {
  const step = 10;
  let counts = countOpenHandles();
  for (let waited = 0; waited < patienceMs && exceeds(counts, baseline); waited += step) {
    await sleep(step);
    counts = countOpenHandles();
  }
  return counts;
}

function exceeds(counts: HandleCounts, baseline: HandleCounts): boolean {
  return WATCHED.some((kind) => counts[kind] > baseline[kind]);
}
