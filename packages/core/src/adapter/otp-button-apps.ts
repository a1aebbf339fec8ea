import type { SupportedApp } from '../model/template-button.js';
import { definedOnly } from './defined-only.js';

/**
 * The app fields of an OTP button, the same way on every vendor. `supportedApps` is every app the
 * vendor lists (NXCloud `supported_apps`, CAMS `SupportedApps`; Meta allows five), none dropped;
 * an entry with neither field carries nothing and is left out. `packageName` / `signatureHash`
 * are the vendor's single-app fields, or, when it sent only the list, its first app, so readers
 * of the older single-app form still find an app.
 *
 * @param single The vendor's single-app fields (deprecated upstream, still sent).
 * @param apps The vendor's list, already renamed to the model's field names.
 */
export function otpButtonApps(
  single: SupportedApp,
  apps: readonly SupportedApp[] | undefined,
): { packageName?: string; signatureHash?: string; supportedApps?: SupportedApp[] } {
  const listed = apps
    ?.map((app) => definedOnly({ packageName: app.packageName, signatureHash: app.signatureHash }))
    .filter((app) => app.packageName !== undefined || app.signatureHash !== undefined);
  const first = listed?.[0];
  return definedOnly({
    packageName: single.packageName ?? first?.packageName,
    signatureHash: single.signatureHash ?? first?.signatureHash,
    supportedApps: listed && listed.length > 0 ? listed : undefined,
  });
}
