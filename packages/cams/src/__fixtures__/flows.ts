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
