import type { EmulatorEndpoints } from './start-emulator.js';

type Endpoints = Partial<EmulatorEndpoints>;

/**
 * The environment variables that point a whatsapp-bsp client at one vendor of the emulator,
 * as the library's config loader reads them.
 */
export function emulatorEnvironment(emulator: Endpoints, vendor: 'nxcloud' | 'cams'): Record<string, string> {
  if (vendor === 'nxcloud') {
    const nxcloud = emulator.nxcloud;
    if (!nxcloud) throw new Error('The NXCloud emulator is not running');
    return {
      WABSP_PROVIDER: 'nxcloud',
      NXCLOUD_ACCESS_KEY: nxcloud.config.accessKey,
      NXCLOUD_ACCESS_SECRET: nxcloud.config.accessSecret,
      NXCLOUD_APP_KEY: nxcloud.config.appKey,
      NXCLOUD_BUSINESS_PHONE: nxcloud.config.businessPhone,
      NXCLOUD_BASE_URL: nxcloud.config.baseUrl,
    };
  }
  const cams = emulator.cams;
  if (!cams) throw new Error('The CAMS emulator is not running');
  return {
    WABSP_PROVIDER: 'cams',
    ALIBABA_CLOUD_ACCESS_KEY_ID: cams.config.accessKeyId,
    ALIBABA_CLOUD_ACCESS_KEY_SECRET: cams.config.accessKeySecret,
    CAMS_CUST_SPACE_ID: cams.config.custSpaceId,
    CAMS_ENDPOINT: cams.config.endpoint,
    CAMS_PROTOCOL: cams.config.protocol,
  };
}

/** The text a command prints once the emulator runs: where it listens and how to point a client at it. */
export function formatEmulatorBanner(emulator: Endpoints): string {
  const lines = ['WhatsApp BSP emulator: test credentials, loopback only. Stop it with Ctrl+C.', ''];
  if (emulator.nxcloud) {
    lines.push(`NXCloud  ${emulator.nxcloud.url}`, ...exports(emulatorEnvironment(emulator, 'nxcloud')), '');
  }
  if (emulator.cams) {
    lines.push(
      `CAMS     ${emulator.cams.url}  (endpoint ${emulator.cams.endpoint}, protocol http)`,
      ...exports(emulatorEnvironment(emulator, 'cams')),
      '',
    );
  }
  return lines.join('\n');
}

function exports(environment: Record<string, string>): string[] {
  return Object.entries(environment).map(([name, value]) => `  export ${name}=${shellQuote(value)}`);
}

function shellQuote(value: string): string {
  return /^[\w./:@%+=,-]+$/.test(value) ? value : `'${value.replaceAll("'", `'\\''`)}'`;
}
