// Built to the documented wire shape (cams-api.md, section 4.1): ListFlow and GetFlowPreviewUrl
// answers. Ids and names are invented.

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
