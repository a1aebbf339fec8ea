export type { Asset, AssetUploader } from './assets/asset-uploader.js';
export type { AssetUrlOption, OssAssetLocation } from './assets/oss-asset-url.js';
export { adapter } from './cams-adapter.js';
export { camsCapabilities } from './cams-capabilities.js';
export {
  type CamsCredential,
  type CamsOptions,
  camsOptionsSchema,
  DEFAULT_CAMS_ENDPOINT,
} from './cams-options.js';
export { cams } from './cams-provider.js';
export type { CamsFlowJsonFilePath, CamsFlowJsonFilePathResolver } from './flows/cams-flow-json-location.js';
export { camsTemplateId, parseCamsTemplateId } from './templates/cams-template-id.js';
export { camsWebhooks } from './webhooks/cams-webhooks.js';
export { mapCamsEvents } from './webhooks/map-cams-event.js';
