/**
 * The Flow JSON versions Meta accepts today: the "Sending Flows" column of its Flows changelog
 * (publishing new flows needs 5.1 or later, but older flows can still be updated and sent).
 * `validateFlowJson(json, { versions })` takes another list when Meta adds or retires one.
 */
export const FLOW_JSON_VERSIONS = [
  '2.1',
  '3.0',
  '3.1',
  '4.0',
  '5.0',
  '5.1',
  '6.0',
  '6.1',
  '6.2',
  '6.3',
  '7.0',
  '7.1',
  '7.2',
  '7.3',
] as const;

/** The `data_api_version` values Meta accepts today (the changelog's "Data API version" column). */
export const FLOW_DATA_API_VERSIONS = ['3.0', '4.0'] as const;

/**
 * A "major.minor" version as one comparable number (`'6.2'` → 6002), or undefined for anything
 * else. Rules that changed between versions compare these numbers, so a version Meta adds later
 * (and a caller passes in `versions`) is ordered correctly without a table update.
 */
export function versionNumber(version: string): number | undefined {
  const match = /^(\d{1,4})\.(\d{1,3})$/.exec(version);
  if (match === null) return undefined;
  return Number(match[1]) * 1000 + Number(match[2]);
}

const knownVersions = new Map<string, number>();

/**
 * `versionNumber` of a version the rule tables spell themselves, remembered: rules ask for every
 * component and action.
 */
export function knownVersion(version: string): number {
  let number = knownVersions.get(version);
  if (number === undefined) {
    number = versionNumber(version);
    if (number === undefined) throw new RangeError(`not a Flow JSON version: ${version}`);
    knownVersions.set(version, number);
  }
  return number;
}
