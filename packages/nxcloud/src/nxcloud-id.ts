/** The provider id: in `provider` of every entity and error, and in the client's cursors. */
export const NXCLOUD_PROVIDER_ID = 'nxcloud';
