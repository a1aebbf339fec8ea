import type { EmulatorFlow, EmulatorTemplate } from '../model.js';
import { deepFreeze } from './validate-input.js';

/*
 * The vendors' own documented example payloads, as store records, so that the emulator serves
 * them back exactly as documented.
 */

/**
 * NXCloud queryFlowById success example, field for field.
 * https://github.com/nxtele/http-api-document/wiki/WhatsApp-API-queryFlowsById
 */
export const NXCLOUD_EXAMPLE_FLOW: EmulatorFlow = deepFreeze({
  id: '3603023670018851',
  name: 'flows_hqq_008',
  categories: ['OTHER'],
  preview: {
    // The example's preview URL names ...850 while its id is ...851: the vendor's own mismatch.
    url: 'https://business.facebook.com/wa/manage/flows/3603023670018850/preview/?token=44639eab-3848-4b7c-86d6-10a8f23d022d',
    expiresAt: Date.parse('2024-01-13T10:03:53+00:00'),
  },
  status: 'PUBLISHED',
  validationErrors: [],
  jsonVersion: '3.0',
  application: {
    category: '实用类',
    link: 'https://testnxlink.nxcloud.com/admin/#/login',
    name: 'NXLink',
    id: '1407008009801816',
  },
});

/**
 * CAMS GetFlow success example. The documented `FlowId` is masked (`92675332812643****`); the
 * mask is filled with zeros so the id can be asked for.
 * https://www.alibabacloud.com/help/en/chatapp/developer-reference/api-cams-2020-06-06-getflow
 */
export const CAMS_EXAMPLE_FLOW: EmulatorFlow = deepFreeze({
  id: '926753328126430000',
  name: 'flow_001',
  status: 'DRAFT',
  categories: ['SIGN_UP'],
  validationErrors: [],
  jsonVersion: '2.1',
  dataApiVersion: '3.0',
  preview: { url: 'https://pre-url', expiresAt: 1700617436633 },
});

/**
 * NXCloud getTemplate success example. The documented id `15xxxx67` is masked by the vendor and
 * kept as printed: NXCloud never takes a template id as input. The CAMS code is the emulator's own.
 * https://github.com/nxtele/http-api-document/wiki/WhatsApp-API-getTemplate
 */
export const NXCLOUD_EXAMPLE_TEMPLATE: EmulatorTemplate = deepFreeze({
  id: '15xxxx67',
  code: '3f0c9a6e1b7d4c28a5e2f6d9b0c1a7e4',
  name: 'normal_text3',
  language: 'en_US',
  category: 'OTP',
  status: 'REJECTED',
  rejectedReason: 'INVALID_FORMAT',
  qualityScore: 'UNKNOWN',
  components: [
    { type: 'HEADER', format: 'TEXT', text: 'ni{{1}}hao', example: 'AA' },
    { type: 'BODY', text: 'hello{{1}}world{{2}}hahah', example: ['BB', 'CC'] },
    { type: 'FOOTER', text: 'I am footer' },
    {
      type: 'BUTTONS',
      buttons: [
        { text: 'I am QR1', type: 'QUICK_REPLY' },
        { text: 'I am QR2', type: 'QUICK_REPLY' },
      ],
    },
  ],
});
