import { createRequire } from 'node:module';
import type OssModule from 'ali-oss';
import { commonJsDefault } from '../transport/commonjs-default.js';

/** ali-oss's client class. */
export type OssClientClass = typeof OssModule;

/** A `debug` instance, as far as it matters here. */
interface DebugInstance {
  readonly namespace: string;
  enabled: boolean;
}

interface DebugModule {
  init?: (instance: DebugInstance) => void;
}

let loading: Promise<OssClientClass> | undefined;

/**
 * ali-oss, loaded on the first upload: with its ~90 packages it would otherwise double what
 * importing this package costs, for the many processes that never upload.
 *
 * ali-oss logs every request's headers, the STS token and the V4 signature among them, through
 * `debug('ali-oss…')`, which `DEBUG=*` turns on. The `debug` instances it creates while this loads
 * it are switched off; instances other packages create, before or after, are left alone. (If the
 * application loaded ali-oss itself first, its instances already exist and stay as they are.)
 */
export function loadAliOss(): Promise<OssClientClass> {
  loading ??= (async () => {
    const requireFromOss = createRequire(createRequire(import.meta.url).resolve('ali-oss'));
    const debug = requireFromOss('debug') as DebugModule;
    const init = debug.init;
    debug.init = (instance) => {
      init?.(instance);
      if (instance.namespace.startsWith('ali-oss')) instance.enabled = false;
    };
    try {
      return commonJsDefault<OssClientClass>(await import('ali-oss'));
    } finally {
      debug.init = init;
    }
  })();
  // A failed load (the package missing) is tried again by the next upload.
  loading.catch(() => {
    loading = undefined;
  });
  return loading;
}
