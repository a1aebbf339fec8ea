// Verbatim from NXCloud's API wiki (https://github.com/nxtele/http-api-document/wiki): response
// bodies exactly as its pages print them, whitespace included.

/** The success example of the queryFlowById page (wiki page WhatsApp-API-queryFlowsById). */
export const QUERY_FLOW_BY_ID_EXAMPLE = `{
  "code": 0,
  "message": "Success",
  "data": {
    "id": "3603023670018851",
    "name": "flows_hqq_008",
    "categories": [
      "OTHER"
    ],
    "preview": {
      "preview_url": "https://business.facebook.com/wa/manage/flows/3603023670018850/preview/?token=44639eab-3848-4b7c-86d6-10a8f23d022d",
      "expires_at": "2024-01-13T10:03:53+0000"
    },
    "status": "PUBLISHED",
    "validation_errors": [],
    "json_version": "3.0",
    "application": {
      "category": "实用类",
      "link": "https://testnxlink.nxcloud.com/admin/#/login",
      "name": "NXLink",
      "id": "1407008009801816"
    }
  }
}`;

/** The success example of the getTemplate page (wiki page WhatsApp-API-getTemplate). */
export const GET_TEMPLATE_EXAMPLE = `{
"code": 0,
"data": {
"data": [
{
"components": [
{
"format": "TEXT",
"text": "ni{{1}}hao",
"type": "HEADER",
"example": {
"header_text": [
"AA"
]
}
},
{
"text": "hello{{1}}world{{2}}hahah",
"type": "BODY",
"example": {
"body_text": [
[
"BB",
"CC"
]
]
}
},
{
"text": "I am footer",
"type": "FOOTER"
},
{
"buttons": [
{
"text": "I am QR1",
"type": "QUICK_REPLY"
},
{
"text": "I am QR2",
"type": "QUICK_REPLY"
}
],
"type": "BUTTONS"
}
],
"rejected_reason": "INVALID_FORMAT",
"quality_score": {
"score": "UNKNOWN"
},
"name": "normal_text3",
"language": "en_US",
"id": "15xxxx67",
"category": "OTP",
"status": "REJECTED"
}
],
"paging": {
"next": "https://graph.facebook.com/v15.0/10xxx925/message_templates?fields=id%2Ccategory%2Clanguage%2Cname%2Cstatus%2Ccomponents%2Crejected_reason%2Cquality_score&limit=20&after=MTkZD",
"cursors": {
"before": "MAZDZD",
"after": "MTkZD"
}
}
},
"message": "请求成功"
}`;

/** The failure example printed on the queryFlowById and getTemplate pages. */
export const FAILURE_EXAMPLE = `{"code": -1, "message": "请求失败", "data": null}`;

/**
 * The failure example of the updateFlowJson page (wiki page WhatsApp-API-updateFlowJson): a Meta
 * error relayed with code 400, its integers written as floats.
 */
export const META_ERROR_EXAMPLE = `{"code":400,"message":"updateFlowJsonByFlowId error","data":{"error":{"message":"Updating attempt failed","type":"OAuthException","code":139001.0,"error_subcode":4016010.0,"is_transient":false}}}`;
