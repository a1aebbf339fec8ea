/*
 * Every error code `validateFlowJson` can report, once, with the error type it carries and the
 * rule group that reports it. `docs/flow-json-rules.md` describes each one with an example, and a
 * test checks that every code here has an invalid document of its own.
 *
 * Codes Meta itself returns in `validation_errors` keep Meta's spelling (INVALID_PROPERTY,
 * INVALID_PROPERTY_VALUE, MISSING_REQUIRED_PROPERTY, PATTERN_MISMATCH, INVALID_FLOW_JSON); the
 * others are this library's, named in the same style. The error types are Meta's two:
 * JSON_SCHEMA_ERROR for the shape of the document, FLOW_JSON_ERROR for what the shape means.
 */

export type FlowJsonErrorType = 'JSON_SCHEMA_ERROR' | 'FLOW_JSON_ERROR';

/** The rule group (one file each) that reports a code. */
export type FlowJsonRuleGroup = 'document' | 'screens' | 'components' | 'actions' | 'routing' | 'data';

interface CodeDefinition {
  readonly errorType: FlowJsonErrorType;
  readonly group: FlowJsonRuleGroup;
}

export const FLOW_JSON_ERROR_CODES = {
  // The document as a whole
  INVALID_FLOW_JSON: { errorType: 'FLOW_JSON_ERROR', group: 'document' },
  FLOW_JSON_TOO_LARGE: { errorType: 'FLOW_JSON_ERROR', group: 'document' },
  NESTING_TOO_DEEP: { errorType: 'FLOW_JSON_ERROR', group: 'document' },
  MISSING_REQUIRED_PROPERTY: { errorType: 'JSON_SCHEMA_ERROR', group: 'document' },
  INVALID_PROPERTY: { errorType: 'JSON_SCHEMA_ERROR', group: 'document' },
  INVALID_PROPERTY_TYPE: { errorType: 'JSON_SCHEMA_ERROR', group: 'document' },
  INVALID_PROPERTY_VALUE: { errorType: 'FLOW_JSON_ERROR', group: 'document' },
  INVALID_VERSION: { errorType: 'FLOW_JSON_ERROR', group: 'document' },
  INVALID_DATA_API_VERSION: { errorType: 'FLOW_JSON_ERROR', group: 'document' },
  DATA_CHANNEL_URI_NOT_ALLOWED: { errorType: 'FLOW_JSON_ERROR', group: 'document' },
  NOT_AVAILABLE_IN_VERSION: { errorType: 'FLOW_JSON_ERROR', group: 'document' },
  // Screens
  EMPTY_SCREENS: { errorType: 'JSON_SCHEMA_ERROR', group: 'screens' },
  PATTERN_MISMATCH: { errorType: 'JSON_SCHEMA_ERROR', group: 'screens' },
  DUPLICATE_SCREEN_ID: { errorType: 'FLOW_JSON_ERROR', group: 'screens' },
  RESERVED_SCREEN_ID: { errorType: 'FLOW_JSON_ERROR', group: 'screens' },
  NO_TERMINAL_SCREEN: { errorType: 'FLOW_JSON_ERROR', group: 'screens' },
  TERMINAL_SCREEN_WITHOUT_FOOTER: { errorType: 'FLOW_JSON_ERROR', group: 'screens' },
  // Components
  COMPONENT_OUTSIDE_FORM: { errorType: 'FLOW_JSON_ERROR', group: 'components' },
  NESTED_FORM: { errorType: 'FLOW_JSON_ERROR', group: 'components' },
  TOO_MANY_COMPONENTS: { errorType: 'FLOW_JSON_ERROR', group: 'components' },
  COMPONENT_LIMIT_EXCEEDED: { errorType: 'FLOW_JSON_ERROR', group: 'components' },
  PHOTO_AND_DOCUMENT_PICKER: { errorType: 'FLOW_JSON_ERROR', group: 'components' },
  FOOTER_IN_ONE_BRANCH: { errorType: 'FLOW_JSON_ERROR', group: 'components' },
  DUPLICATE_INPUT_NAME: { errorType: 'FLOW_JSON_ERROR', group: 'components' },
  // Actions
  NAVIGATE_TARGET_NOT_FOUND: { errorType: 'FLOW_JSON_ERROR', group: 'actions' },
  NAVIGATE_NOT_IN_ROUTING_MODEL: { errorType: 'FLOW_JSON_ERROR', group: 'actions' },
  COMPLETE_ON_NON_TERMINAL_SCREEN: { errorType: 'FLOW_JSON_ERROR', group: 'actions' },
  DATA_EXCHANGE_WITHOUT_ENDPOINT: { errorType: 'FLOW_JSON_ERROR', group: 'actions' },
  // The routing model
  ROUTING_MODEL_UNKNOWN_SCREEN: { errorType: 'FLOW_JSON_ERROR', group: 'routing' },
  ROUTING_MODEL_CYCLE: { errorType: 'FLOW_JSON_ERROR', group: 'routing' },
  UNREACHABLE_SCREEN: { errorType: 'FLOW_JSON_ERROR', group: 'routing' },
  // Screen data and dynamic references
  MISSING_DATA_EXAMPLE: { errorType: 'FLOW_JSON_ERROR', group: 'data' },
  DATA_EXAMPLE_TYPE_MISMATCH: { errorType: 'FLOW_JSON_ERROR', group: 'data' },
  UNDECLARED_DATA_REFERENCE: { errorType: 'FLOW_JSON_ERROR', group: 'data' },
  UNKNOWN_FORM_REFERENCE: { errorType: 'FLOW_JSON_ERROR', group: 'data' },
  UNKNOWN_SCREEN_REFERENCE: { errorType: 'FLOW_JSON_ERROR', group: 'data' },
} as const satisfies Record<string, CodeDefinition>;

export type FlowJsonErrorCode = keyof typeof FLOW_JSON_ERROR_CODES;
