// NXCloud's answers to flow writes. Each says where it comes from: verbatim from NXCloud's wiki
// pages where they print one (WhatsApp-API-updateFlow, WhatsApp-API-updateFlowJson), otherwise
// built to the wire shape those pages and Meta's Flows API document: NXCloud's
// `{ code, message, data }` envelope around what Meta's Graph API answers.

/** updateFlow's success example, verbatim (wiki page WhatsApp-API-updateFlow). */
export const UPDATE_FLOW_SUCCESS = `{"code":0,"message":"Success","data":{"success":true}}`;

/** updateFlowJson's success example, verbatim (wiki page WhatsApp-API-updateFlowJson). */
export const UPDATE_FLOW_JSON_SUCCESS = `{"code":0,"message":"Success","data":{"success":true,"validation_errors":[]}}`;

/**
 * One of Meta's validation errors, built to the shape of Meta's Flows API page ("Updating a
 * Flow's Flow JSON": `error`, `error_type`, `message`, the position, and `pointers[].path`), with
 * integers written as floats as NXCloud relays Meta's numbers (`139001.0` on the updateFlowJson
 * page).
 */
export const META_VALIDATION_ERROR = {
  error: 'INVALID_PROPERTY_VALUE',
  error_type: 'FLOW_JSON_ERROR',
  message: "Invalid value found for property 'type'.",
  line_start: 10.0,
  line_end: 10,
  column_start: 21,
  column_end: 34,
  pointers: [
    {
      line_start: 10,
      line_end: 10,
      column_start: 21,
      column_end: 34,
      path: 'screens[0].layout.children[0].type',
    },
  ],
};

/** createFlow (undocumented): Meta's `{ id }` of the new flow in NXCloud's envelope; built. */
export function createdFlow(id: unknown = '1168300431915404'): string {
  return JSON.stringify({ code: 0, message: 'Success', data: { id } });
}

/**
 * getFlowJson (undocumented): Meta's assets list (`GET /{flow-id}/assets`: `name`, `asset_type`,
 * `download_url`) in NXCloud's envelope; built.
 */
export function flowAssets(downloadUrl: string, assetType = 'FLOW_JSON'): string {
  return JSON.stringify({
    code: 0,
    message: 'Success',
    data: {
      data: [{ name: 'flow.json', asset_type: assetType, download_url: downloadUrl }],
      paging: { cursors: { before: 'QVFIUm', after: 'QVFIUm' } },
    },
  });
}

/**
 * A Meta error relayed with code 400 and Meta's error object in `data.error`, as the
 * updateFlowJson page's failure example does (its integers as floats); built with the codes of
 * Meta's "WhatsApp Flows error codes" page.
 */
export function relayedWithCode400(
  code: number,
  message: string,
  extra: Record<string, unknown> = {},
): string {
  return JSON.stringify({
    code: 400,
    message: 'request error',
    data: {
      error: { message, type: 'OAuthException', code, is_transient: false, ...extra },
    },
    // Meta's code written as a float, as NXCloud sends it.
  }).replace(`"code":${code},"is_transient"`, `"code":${code}.0,"is_transient"`);
}

/** A Meta error relayed with code 9099 and Meta's text, `(#<code>) …`, in `message`; built. */
export function relayedWithCode9099(code: number, text: string): string {
  return JSON.stringify({ code: 9099, message: `(#${code}) ${text}`, data: null });
}

/** A Flow JSON as Meta's Flows documentation writes a minimal one; built. */
export const FLOW_JSON_TEXT = `{
  "version": "7.2",
  "screens": [
    {
      "id": "WELCOME",
      "title": "Welcome",
      "terminal": true,
      "layout": {
        "type": "SingleColumnLayout",
        "children": [
          { "type": "TextHeading", "text": "Café — 你好" },
          { "type": "Footer", "label": "Done", "on-click-action": { "name": "complete", "payload": {} } }
        ]
      }
    }
  ]
}
`;
