import { isRecord } from '../../adapter/is-record.js';
import type { TemplateDraft } from '../../model/inputs/template-draft.js';
import { toTemplateDraft } from '../../model/inputs/to-template-draft.js';
import type { Template } from '../../model/template.js';

/**
 * Fields left out of the comparison: review samples (`example`), which vendors keep in their own
 * form (CAMS one `Example` map, media samples as the vendor's own links or handles), and the ways
 * of naming a flow that vendors report back as its id (`flowName`, `flowJson`).
 */
const NOT_COMPARED: ReadonlySet<string> = new Set(['example', 'flowName', 'flowJson']);

/**
 * Whether a template read from the vendor is what a write asked for: the same category, and
 * components holding every value the draft gave (the vendor may add fields of its own). Both are
 * compared as drafts (`toTemplateDraft`), with OTP buttons' apps in one form. Components are
 * matched by type, since WhatsApp allows one of each and a vendor may list them in another order.
 */
export function templateMatchesDraft(
  template: Template,
  asked: Pick<TemplateDraft, 'category' | 'components'>,
): boolean {
  const found = toTemplateDraft(template);
  if (found.category !== asked.category) return false;
  if (found.components.length !== asked.components.length) return false;
  const unmatched: unknown[] = found.components.map(canonical);
  for (const component of asked.components.map(canonical)) {
    const index = unmatched.findIndex((candidate) => contains(candidate, component));
    if (index < 0) return false;
    unmatched.splice(index, 1);
  }
  return true;
}

/** Whether `found` holds every defined value of `asked`, arrays item by item. */
function contains(found: unknown, asked: unknown): boolean {
  if (Array.isArray(asked)) {
    return (
      Array.isArray(found) &&
      found.length === asked.length &&
      asked.every((item, index) => contains(found[index], item))
    );
  }
  if (isRecord(asked)) {
    return (
      isRecord(found) &&
      Object.entries(asked).every(
        ([key, value]) => value === undefined || NOT_COMPARED.has(key) || contains(found[key], value),
      )
    );
  }
  return Object.is(found, asked);
}

/**
 * An OTP button's apps as one list: Meta's single-app form (`packageName`, `signatureHash`) and
 * `supportedApps` say the same thing, and a vendor may answer in either.
 */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (!isRecord(value)) return value;
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) copy[key] = canonical(item);
  if (copy.type === 'OTP' && copy.supportedApps === undefined && copy.packageName !== undefined) {
    copy.supportedApps = [{ packageName: copy.packageName, signatureHash: copy.signatureHash }];
  }
  if (copy.type === 'OTP') {
    delete copy.packageName;
    delete copy.signatureHash;
  }
  return copy;
}
