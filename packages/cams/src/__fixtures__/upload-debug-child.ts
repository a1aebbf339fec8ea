// Test harness, not a vendor payload: run by oss-debug-output.test.ts from its compiled copy in
// dist/, in a child process whose environment sets DEBUG=*. It uploads one file to the emulator's
// OSS look-alike through the adapter, or, for comparison, puts one through ali-oss directly with
// made-up credentials (the look-alike refuses them; what ali-oss prints on the way is the point),
// and prints nothing itself.
import { createRequire } from 'node:module';
import { cams } from '../index.js';

const [via = '', camsEndpoint = '', ossEndpoint = ''] = process.argv.slice(2);
const context = {
  signal: new AbortController().signal,
  attempt: 1,
  timeoutMs: 5_000,
  onAbort: () => () => {},
};

if (via === 'adapter') {
  const provider = cams({
    accessKeyId: process.env.TEST_ACCESS_KEY_ID ?? '',
    accessKeySecret: process.env.TEST_ACCESS_KEY_SECRET ?? '',
    custSpaceId: process.env.TEST_CUST_SPACE_ID ?? '',
    endpoint: camsEndpoint,
    protocol: 'http',
  });
  await provider.templates.doUploadMedia?.(
    { data: new Uint8Array([1, 2, 3]), mimeType: 'image/png', fileName: 'debug.png' },
    context,
  );
} else {
  const Oss = createRequire(import.meta.url)('ali-oss');
  const client = new Oss({
    accessKeyId: 'STS.control',
    accessKeySecret: 'control-secret',
    stsToken: process.env.TEST_CONTROL_TOKEN,
    refreshSTSToken: async () => ({
      accessKeyId: 'STS.control',
      accessKeySecret: 'control-secret',
      stsToken: '',
    }),
    bucket: 'cams-emulator-uploads',
    endpoint: ossEndpoint,
    region: 'oss-ap-southeast-1',
    authorizationV4: true,
  });
  await client.put('chatapp/control.png', Buffer.from([1, 2, 3])).catch(() => undefined);
}
