// ListFlow and GetFlowPreviewUrl answers, built to the wire shape of the vendor's API pages of
// those names (CAMS API 2020-06-06). Ids and names are invented.

export function listFlowBody(flows: readonly { id: string; name: string; categories?: string[] }[]) {
  return {
    RequestId: 'B1F2C3D4-0000-4000-8000-000000000001',
    Code: 'OK',
    Message: 'OK',
    Data: flows.map((flow) => ({
      FlowId: flow.id,
      FlowName: flow.name,
      Categories: flow.categories ?? ['OTHER'],
    })),
  };
}

export const getFlowPreviewBody = {
  RequestId: 'B1F2C3D4-0000-4000-8000-000000000002',
  Code: 'OK',
  Message: 'OK',
  Data: {
    FlowId: '1234567890123456',
    PreviewUrl: 'https://business.facebook.com/wa/manage/flows/1234567890123456/preview/?token=abc',
    PreviewUrlExpires: 1700617436633,
  },
};

/**
 * GetFlow (the vendor's example, reshaped) for a flow in every category of the model: CAMS
 * documents eight; SHOPPING, from the AWS proxy's enum for Meta's API, would pass through as is.
 */
export const flowInEveryCategoryBody = {
  RequestId: 'B1F2C3D4-0000-4000-8000-000000000003',
  Code: 'OK',
  Message: 'None',
  Data: {
    Status: 'DRAFT',
    FlowId: '926753328126432',
    FlowName: 'every_category',
    Categories: [
      'SIGN_UP',
      'SIGN_IN',
      'APPOINTMENT_BOOKING',
      'LEAD_GENERATION',
      'CONTACT_US',
      'CUSTOMER_SUPPORT',
      'SURVEY',
      'OTHER',
      'SHOPPING',
    ],
  },
};
