import { nxcloudError } from './nxcloud-errors.js';
import { GRAPH_WABA_ID, nxcloudListAnswer } from './nxcloud-paging.js';
import type { NxcloudRoute } from './nxcloud-route.js';
import { nxcloudTemplate } from './render-nxcloud-template.js';

/** The Meta Graph URL of the template list's `paging.next`/`previous`, which NXCloud passes through. */
const TEMPLATES_LINK = `https://graph.facebook.com/v15.0/${GRAPH_WABA_ID}/message_templates?fields=id%2Ccategory%2Clanguage%2Cname%2Cstatus%2Ccomponents%2Crejected_reason%2Cquality_score`;

/** NXCloud's template endpoints. */
export const NXCLOUD_TEMPLATE_ROUTES: readonly NxcloudRoute[] = [
  {
    path: '/api/wa/getTemplate',
    operation: 'getTemplate',
    actions: ['getTemplate'],
    required: ['appkey', 'business_phone', 'messaging_product'],
    phoneField: 'business_phone',
    handle: (body, { store }) => {
      if (body.name !== undefined && typeof body.name !== 'string') {
        return nxcloudError(1002, 'Parameter error: name must be a string');
      }
      const view = body.name ? store.templates.named(body.name) : store.templates.view();
      return nxcloudListAnswer(body, view, TEMPLATES_LINK, nxcloudTemplate, '请求成功');
    },
  },
];
