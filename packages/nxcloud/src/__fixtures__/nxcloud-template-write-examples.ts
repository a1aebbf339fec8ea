// NXCloud's template write pages: the request and answer examples as the pages print them
// (createTemplate: https://github.com/nxtele/nxcloud-doc-en/wiki/WhatsApp-API-createTemplate;
// updateTemplate, deleteTemplate and uploadTemplateFile: the 2023 English pages of the same wiki),
// and, marked as such, answers built to the documented wire shapes where the pages print none.

/** createTemplate's minimal request, verbatim. */
export const CREATE_TEMPLATE_REQUEST_EXAMPLE = `{"appkey":"8eoxxxos","messaging_product":"whatsapp","business_phone":"185xxx99","name":"normal_text","category":"MARKETING","language":"zh_CN","components":[{"type":"BODY","text":"hello world"}]}`;

/** createTemplate's answer, verbatim. */
export const CREATE_TEMPLATE_ANSWER_EXAMPLE = `{"code":0,"data":{"id":"900xxx0755"},"message":"Request successful"}`;

/** The components of createTemplate's authentication (copy-code) example, verbatim. */
export const AUTHENTICATION_COMPONENTS_EXAMPLE = `[{"type":"BODY","add_security_recommendation":true},{"type":"FOOTER","code_expiration_minutes":5},{"type":"BUTTONS","buttons":[{"type":"OTP","otp_type":"COPY_CODE","text":"Copy Code"}]}]`;

/** updateTemplate's answer, as the page prints it with the id elided (`…`): here a full id. */
export const UPDATE_TEMPLATE_ANSWER_EXAMPLE = `{"code":0,"data":{"id":"900xxx0755"},"message":"Request successful"}`;

/** deleteTemplate's answer, verbatim. */
export const DELETE_TEMPLATE_ANSWER_EXAMPLE = `{"code":0,"data":{"success":true},"message":"Request successful"}`;

/** uploadTemplateFile's answer, verbatim. */
export const UPLOAD_TEMPLATE_FILE_ANSWER_EXAMPLE = `{"code":0,"data":{"id":"4:Pz8xxxW8"},"message":"Request successful"}`;

/**
 * Built: Meta's refusal of a second template with the same name and language, relayed as NXCloud
 * relays Meta's errors on writes (code 400 with Meta's error object in `data.error`, its integers
 * as floats, as on the updateFlowJson page). The error object is Meta's Graph error shape with the
 * duplicate's code 100 and subcode 2388024.
 */
export const DUPLICATE_TEMPLATE_ANSWER = `{"code":400,"message":"createTemplate error","data":{"error":{"message":"Invalid parameter","type":"OAuthException","code":100.0,"error_subcode":2388024.0,"is_transient":false,"error_user_title":"Content in This Language Already Exists","error_user_msg":"There is already English (US) content for this template. You can create a new template and try again.","fbtrace_id":"AbCdEfGhIjKlMnOpQrStUvW"}}}`;

/** Built: the same refusal relayed with code 9099, Meta's text in `message` and its subcode in `data`. */
export const DUPLICATE_TEMPLATE_TEXT_ANSWER = `{"code":9099,"message":"(#100) Invalid parameter","data":{"error_subcode":2388023}}`;
