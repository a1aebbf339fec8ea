import type { FlowRefusal } from '../flows/flow-refusal.js';
import { CamsApiError } from './cams-errors.js';

/*
 * CAMS's answers to refused flow writes. Its flow pages list only the gateway's four codes, and
 * its error-code page names no flow code at all (cams-api: "Error codes"), so these, all HTTP 400,
 * are the emulator's choices, named after the template codes CAMS does document
 * (`DetailError.TemplateNotExist`, `InvalidParameter.TemplateNameExist`):
 * - `DetailError.FlowNotExist`: no such flow;
 * - `InvalidParameter.FlowNameExist`: another flow has that name;
 * - `InvalidParameter.FlowStatusError`: the flow's status forbids the operation; the message
 *   names the status (`The flow is PUBLISHED: only DRAFT flows can be deleted.`);
 * - `InvalidParameter.FlowValidationError`: publishing a Flow JSON with validation errors;
 * - `InvalidParameter`: a value refused (categories, endpoint, file size), named in the message.
 */
const CODES: Record<FlowRefusal['kind'], string> = {
  'not-found': 'DetailError.FlowNotExist',
  'name-taken': 'InvalidParameter.FlowNameExist',
  'wrong-state': 'InvalidParameter.FlowStatusError',
  'validation-errors': 'InvalidParameter.FlowValidationError',
  'invalid-input': 'InvalidParameter',
};

export function camsFlowRefusal(refusal: FlowRefusal): CamsApiError {
  return new CamsApiError(400, CODES[refusal.kind], refusal.message);
}
