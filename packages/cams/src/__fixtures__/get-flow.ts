// Verbatim from the success example of the vendor's GetFlow API page (CAMS API 2020-06-06),
// including the newline at the end of RequestId.
export const getFlowExampleBody = `{
"RequestId": "DAC72B08-3327-33EF-BEDC-8EC3E83A6575\\n",
"Code": "OK",
"Message": "None",
"Data": {
"Status": "DRAFT",
"FlowId": "92675332812643****",
"FlowName": "flow_001",
"Categories": [
"SIGN_UP"
],
"JSONVersion": "2.1",
"DataApiVersion": "3.0",
"PreviewUrl": "https://pre-url",
"PreviewUrlExpires": 1700617436633
}
}`;
