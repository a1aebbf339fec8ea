/*
 * Verbatim from the vendors' pages, re-indented only: the NXCloud queryFlowById and getTemplate
 * success examples and the CAMS GetFlow success example. The CAMS example's masked FlowId
 * (`92675332812643****`) and the `\n` at the end of its RequestId are as documented.
 *
 * https://github.com/nxtele/http-api-document/wiki/WhatsApp-API-queryFlowsById
 * https://github.com/nxtele/http-api-document/wiki/WhatsApp-API-getTemplate
 * https://www.alibabacloud.com/help/en/chatapp/developer-reference/api-cams-2020-06-06-getflow
 */

export const NXCLOUD_QUERY_FLOW_BY_ID_EXAMPLE = {
  code: 0,
  message: 'Success',
  data: {
    id: '3603023670018851',
    name: 'flows_hqq_008',
    categories: ['OTHER'],
    preview: {
      preview_url:
        'https://business.facebook.com/wa/manage/flows/3603023670018850/preview/?token=44639eab-3848-4b7c-86d6-10a8f23d022d',
      expires_at: '2024-01-13T10:03:53+0000',
    },
    status: 'PUBLISHED',
    validation_errors: [],
    json_version: '3.0',
    application: {
      category: '实用类',
      link: 'https://testnxlink.nxcloud.com/admin/#/login',
      name: 'NXLink',
      id: '1407008009801816',
    },
  },
};

export const NXCLOUD_GET_TEMPLATE_EXAMPLE = {
  code: 0,
  data: {
    data: [
      {
        components: [
          { format: 'TEXT', text: 'ni{{1}}hao', type: 'HEADER', example: { header_text: ['AA'] } },
          { text: 'hello{{1}}world{{2}}hahah', type: 'BODY', example: { body_text: [['BB', 'CC']] } },
          { text: 'I am footer', type: 'FOOTER' },
          {
            buttons: [
              { text: 'I am QR1', type: 'QUICK_REPLY' },
              { text: 'I am QR2', type: 'QUICK_REPLY' },
            ],
            type: 'BUTTONS',
          },
        ],
        rejected_reason: 'INVALID_FORMAT',
        quality_score: { score: 'UNKNOWN' },
        name: 'normal_text3',
        language: 'en_US',
        id: '15xxxx67',
        category: 'OTP',
        status: 'REJECTED',
      },
    ],
    paging: {
      next: 'https://graph.facebook.com/v15.0/10xxx925/message_templates?fields=id%2Ccategory%2Clanguage%2Cname%2Cstatus%2Ccomponents%2Crejected_reason%2Cquality_score&limit=20&after=MTkZD',
      cursors: { before: 'MAZDZD', after: 'MTkZD' },
    },
  },
  message: '请求成功',
};

export const CAMS_GET_FLOW_EXAMPLE = {
  RequestId: 'DAC72B08-3327-33EF-BEDC-8EC3E83A6575\n',
  Code: 'OK',
  Message: 'None',
  Data: {
    Status: 'DRAFT',
    FlowId: '92675332812643****',
    FlowName: 'flow_001',
    Categories: ['SIGN_UP'],
    JSONVersion: '2.1',
    DataApiVersion: '3.0',
    PreviewUrl: 'https://pre-url',
    PreviewUrlExpires: 1700617436633,
  },
};
