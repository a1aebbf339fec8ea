import type { EmulatorTemplate, TemplateInput } from '../model.js';
import type { TemplateCollection } from '../store/template-collection.js';
import type { Scheduler } from '../timers.js';

/** How long a template stays PENDING unless told otherwise: short, so a demo shows the change. */
export const DEFAULT_REVIEW_DELAY_MS = 200;

/** A review rule: templates whose name matches are rejected with Meta's `reason`. */
export interface ReviewRule {
  rejectNamesMatching: RegExp;
  /** Meta's rejection reason (`INVALID_FORMAT`, `TAG_CONTENT_MISMATCH`, ...); default `INVALID_FORMAT`. */
  reason?: string;
}

export interface ReviewOptions {
  /**
   * How long a new or edited template stays PENDING before it is decided, in milliseconds on the
   * emulator's timers; 0 decides it at once, before the vendor call answers. Default 200.
   */
  delayMs?: number;
  /** Checked in order when a template is decided; the first that matches rejects it. Default none: approved. */
  rules?: readonly ReviewRule[];
}

/**
 * Meta's review of message templates, as both vendors relay it: a template created or edited
 * through a vendor is PENDING, then APPROVED, or REJECTED by the first rule that matches its
 * name. The rules in force when the delay ends decide, so a test may change them meanwhile.
 */
export class TemplateReview {
  private delayMs = DEFAULT_REVIEW_DELAY_MS;
  private rules: readonly ReviewRule[] = [];
  /** Scheduled decisions by template id, so that a second edit replaces the first one's. */
  private readonly scheduled = new Map<string, () => void>();

  constructor(
    private readonly templates: TemplateCollection,
    private readonly scheduler: Scheduler,
    options: ReviewOptions = {},
  ) {
    this.set(options);
  }

  /** Changes the delay and the rules; what is left out stays as it is. */
  set(options: ReviewOptions): void {
    if (typeof options !== 'object' || options === null) throw new TypeError('review must be an object');
    const { delayMs, rules } = options;
    if (delayMs !== undefined && !(typeof delayMs === 'number' && Number.isFinite(delayMs) && delayMs >= 0)) {
      throw new TypeError('review.delayMs must be a number of 0 or more');
    }
    if (rules !== undefined) {
      if (!Array.isArray(rules)) throw new TypeError('review.rules must be an array');
      rules.forEach((rule: ReviewRule, index) => {
        if (!(rule?.rejectNamesMatching instanceof RegExp)) {
          throw new TypeError(`review.rules[${index}].rejectNamesMatching must be a RegExp`);
        }
        if (rule.reason !== undefined && (typeof rule.reason !== 'string' || rule.reason === '')) {
          throw new TypeError(`review.rules[${index}].reason must be a non-empty string`);
        }
      });
      this.rules = [...rules];
    }
    if (delayMs !== undefined) this.delayMs = delayMs;
  }

  /** How many templates wait for a decision. */
  get pending(): number {
    return this.scheduled.size;
  }

  /** Adds a template as a vendor's create does: PENDING, then decided. Returns it as stored now. */
  submit(input: TemplateInput): EmulatorTemplate {
    const template = this.templates.add({
      ...input,
      status: 'PENDING',
      rejectedReason: 'NONE',
      qualityScore: 'UNKNOWN',
    });
    this.schedule(template);
    return this.templates.getById(template.id) ?? template;
  }

  /** Applies a vendor's edit: the template goes back to PENDING and is decided again, as on Meta. */
  resubmit(template: EmulatorTemplate, changes: Partial<TemplateInput>): EmulatorTemplate {
    const edited = this.templates.replace({
      ...template,
      ...changes,
      status: 'PENDING',
      rejectedReason: 'NONE',
    });
    this.schedule(edited);
    return this.templates.getById(edited.id) ?? edited;
  }

  private schedule(template: EmulatorTemplate): void {
    this.scheduled.get(template.id)?.();
    if (this.delayMs === 0) {
      this.decide(template.id);
      return;
    }
    const cancel = this.scheduler.after(this.delayMs, () => this.decide(template.id));
    this.scheduled.set(template.id, () => {
      cancel();
      this.scheduled.delete(template.id);
    });
  }

  /** Forgets every scheduled decision (the emulator is closing). */
  close(): void {
    for (const cancel of [...this.scheduled.values()]) cancel();
  }

  private decide(id: string): void {
    this.scheduled.delete(id);
    const template = this.templates.getById(id);
    // Deleted, or changed by a test meanwhile: nothing left to review.
    if (template?.status !== 'PENDING') return;
    const rule = this.rules.find(({ rejectNamesMatching }) => matches(rejectNamesMatching, template.name));
    this.templates.replace({
      ...template,
      status: rule ? 'REJECTED' : 'APPROVED',
      rejectedReason: rule ? (rule.reason ?? 'INVALID_FORMAT') : 'NONE',
    });
  }
}

/** `test` on a global or sticky RegExp moves its `lastIndex`; each name is matched from the start. */
function matches(pattern: RegExp, name: string): boolean {
  pattern.lastIndex = 0;
  return pattern.test(name);
}
