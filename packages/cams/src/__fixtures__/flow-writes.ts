// Answers of CAMS's flow writes and of GetFlowJSONAssest (CAMS API 2020-06-06).

/** Verbatim from the success example of the vendor's CreateFlow API page. */
export const createFlowExampleBody = `{
"RequestId": "90E63D28-E31D-1EB2-8939-A9486641****",
"Code": "OK",
"Message": "None",
"Data": {
"FlowId": "333993838***",
"FlowName": "test1",
"Categories": [
"SIGN_UP"
]
}
}`;

/** Verbatim from the success example of the vendor's ModifyFlow API page, newline in FlowId included. */
export const modifyFlowExampleBody = `{
"RequestId": "1612C226-E271-4CFE-9F18-4066D******",
"Code": "OK",
"Message": "None",
"Data": {
"FlowId": "92675332812643****\\n",
"FlowName": "flow_001",
"Categories": [
"SIGN_UP"
]
}
}`;

/** Verbatim from the success example of the vendor's UpdateFlowJSONAsset API page. */
export const updateFlowJsonAssetExampleBody = `{
"RequestId": "90E63D28-E31D-1EB2-8939-A9486641****",
"Code": "OK",
"Message": "None",
"Data": {
"FlowId": "92675332812643****"
}
}`;

/**
 * PublishFlow, DeprecateFlow and DeleteFlow: the envelope alone, built to the shape their API
 * pages document (the id is invented).
 */
export const envelopeOnlyBody = {
  RequestId: 'B1F2C3D4-0000-4000-8000-000000000010',
  Code: 'OK',
  Message: 'None',
};

/** GetFlowJSONAssest, built to the shape its API page documents; the URL is invented. */
export function getFlowJsonBody(filePath: string | null, flowId = '926753328126430') {
  return {
    RequestId: 'B1F2C3D4-0000-4000-8000-000000000011',
    Code: 'OK',
    Message: 'None',
    Data: { FlowId: flowId, FilePath: filePath },
  };
}

/**
 * GetChatappUploadAuthorization, built to the shape its API page documents (`Expire` in seconds,
 * as the Chinese page says); the keys and token are invented, and must never reach an error.
 */
export const UPLOAD_KEY_SECRET = 'UploadTemporarySecret0123456789abcdef';
export const UPLOAD_SECURITY_TOKEN = 'CAISUploadTemporaryToken0123456789abcdefghij';
export function uploadAuthorizationBody(
  endPoint = 'oss-ap-southeast-1.aliyuncs.com',
  bucketName = 'cams-uploads',
) {
  return {
    RequestId: 'B1F2C3D4-0000-4000-8000-000000000012',
    Code: 'OK',
    Message: 'None',
    Data: {
      AccessKeyId: 'STS.UploadTemporaryKeyId',
      AccessKeySecret: UPLOAD_KEY_SECRET,
      SecurityToken: UPLOAD_SECURITY_TOKEN,
      BucketName: bucketName,
      Dir: 'chatapp/cams-space-0001',
      EndPoint: endPoint,
      Expire: 3600,
    },
  };
}

/** A small Flow JSON in Meta's shape (Flow JSON reference), for uploads and downloads. */
export const sampleFlowJson = {
  version: '5.0',
  screens: [
    {
      id: 'WELCOME',
      title: 'Welcome',
      terminal: true,
      layout: {
        type: 'SingleColumnLayout',
        children: [
          { type: 'TextHeading', text: 'Hello' },
          { type: 'Footer', label: 'Done', 'on-click-action': { name: 'complete', payload: {} } },
        ],
      },
    },
  ],
};
