/** CAMS sends instants as epoch milliseconds (NXCloud as ISO strings); absent stays absent. */
export function dateFromEpochMs(epochMs: number | undefined): Date | undefined {
  return epochMs === undefined ? undefined : new Date(epochMs);
}
