import { isRecord } from '../../adapter/is-record.js';
import type { AllowedProperty, FlowJsonChecker } from './checker.js';
import { knownVersion, versionNumber } from './versions.js';

/*
 * The rules on the document's top level: which properties it has, and the versions it names.
 */

/** Meta's top-level properties. `data_channel_uri` is allowed below 3.0 only (see below). */
const TOP_LEVEL_PROPERTIES: Readonly<Record<string, AllowedProperty>> = {
  version: { type: 'string' },
  screens: { type: 'array' },
  data_api_version: { type: 'string' },
  routing_model: { type: 'object' },
  data_channel_uri: { type: 'string' },
};

/** From Flow JSON 3.0 on, the endpoint is set through the API (`endpoint_uri`), not in the JSON. */
const DATA_CHANNEL_URI_UNTIL = '3.0';

/** What the other rule groups need from the top level, each part only when it has the right type. */
export interface FlowDocument {
  /** `screens`, when it is an array. */
  readonly screens: readonly unknown[] | undefined;
  readonly routingModel: Record<string, unknown> | undefined;
  /** Whether the flow declares a data endpoint (`data_api_version`), which `data_exchange` needs. */
  readonly hasEndpoint: boolean;
}

/**
 * The version the version-dependent rules apply: the document's own when it is one of
 * `versions`, otherwise the newest of `versions` (INVALID_VERSION is reported all the same), and
 * with no "major.minor" version to go by, a version newer than any (every feature allowed).
 */
export function effectiveVersion(root: Record<string, unknown>, versions: readonly string[]): number {
  const declared = root.version;
  if (typeof declared === 'string' && versions.includes(declared)) {
    const number = versionNumber(declared);
    if (number !== undefined) return number;
  }
  let newest = 0;
  for (const version of versions) newest = Math.max(newest, versionNumber(version) ?? 0);
  return newest > 0 ? newest : Number.MAX_SAFE_INTEGER;
}

export function checkDocument(
  root: Record<string, unknown>,
  checker: FlowJsonChecker,
  options: { versions: readonly string[]; dataApiVersions: readonly string[] },
): FlowDocument {
  checker.checkProperties(root, TOP_LEVEL_PROPERTIES, [], 'the Flow JSON');
  checker.require(root, 'version', [], 'The Flow JSON');
  checker.require(root, 'screens', [], 'The Flow JSON');

  const { version, data_api_version: dataApiVersion, data_channel_uri: dataChannelUri } = root;
  // A flow with an endpoint says where each screen may lead; Meta's message is quoted.
  if (dataApiVersion !== undefined && root.routing_model === undefined) {
    checker.report(
      'MISSING_REQUIRED_PROPERTY',
      ['routing_model'],
      "The property 'routing_model' is required for property 'data_api_version'.",
    );
  }
  if (typeof version === 'string' && !options.versions.includes(version)) {
    checker.report(
      'INVALID_VERSION',
      ['version'],
      `Flow JSON version '${version}' is not one of the accepted versions (${options.versions.join(', ')}).`,
    );
  }
  if (typeof dataApiVersion === 'string' && !options.dataApiVersions.includes(dataApiVersion)) {
    checker.report(
      'INVALID_DATA_API_VERSION',
      ['data_api_version'],
      `data_api_version '${dataApiVersion}' is not one of the accepted versions (${options.dataApiVersions.join(', ')}).`,
    );
  }
  if (dataChannelUri !== undefined && checker.version >= knownVersion(DATA_CHANNEL_URI_UNTIL)) {
    checker.report(
      'DATA_CHANNEL_URI_NOT_ALLOWED',
      ['data_channel_uri'],
      `From Flow JSON ${DATA_CHANNEL_URI_UNTIL} on, the endpoint is set with the flow's endpoint_uri, not with data_channel_uri in the Flow JSON.`,
    );
  }

  return {
    screens: Array.isArray(root.screens) ? root.screens : undefined,
    routingModel: isRecord(root.routing_model) ? root.routing_model : undefined,
    hasEndpoint: dataApiVersion !== undefined,
  };
}
