import type { EmulatorTemplate, TemplateInput } from '../model.js';
import type { RecordList, RecordView } from './record-list.js';
import { deepFreeze, requireArray, requireObject, requireString } from './validate-input.js';

const COMPONENT_TYPES = new Set(['HEADER', 'BODY', 'FOOTER', 'BUTTONS', 'LIMITED_TIME_OFFER']);

const byKey = (template: EmulatorTemplate) => templateKey(template.name, template.language);
const byId = (template: EmulatorTemplate) => template.id;
const byCode = (template: EmulatorTemplate) => templateKey(template.code, template.language);
const byName = (template: EmulatorTemplate) => template.name;

/** A template whose status changed, as it was and as it is. */
export interface TemplateStatusChange {
  previous: EmulatorTemplate;
  current: EmulatorTemplate;
}

function templateKey(nameOrCode: string, language: string): string {
  return `${nameOrCode}\u0000${language}`;
}

/**
 * The message templates of the emulator, in the order the vendors list them. A template is
 * identified by name and language, as on both vendors. Records read from it are frozen (or
 * freshly generated): change a template with `replace`.
 */
export class TemplateCollection {
  private readonly statusWatchers = new Set<(change: TemplateStatusChange) => void>();

  constructor(
    private readonly records: RecordList<EmulatorTemplate>,
    private readonly newId: () => string,
    private readonly newCode: () => string,
  ) {}

  get count(): number {
    return this.records.length;
  }

  /**
   * Adds a template at the end of the list. A missing `id` is generated; a missing `code` is
   * the code of another language of the same name, as on CAMS, or a new one.
   */
  add(input: TemplateInput): EmulatorTemplate {
    const template = checkTemplate({
      ...structuredClone(input),
      id: input.id ?? this.unusedId(),
      code: input.code ?? this.codeFor(input.name),
    });
    if (this.positionOf(byKey, 'key', template.name, template.language) !== undefined) {
      throw new Error(`A template named ${template.name} in ${template.language} already exists`);
    }
    if (this.records.positionsOf('id', byId, template.id).length > 0) {
      throw new Error(`A template with id ${template.id} already exists`);
    }
    if (this.positionOf(byCode, 'code', template.code, template.language) !== undefined) {
      throw new Error(`A template with code ${template.code} in ${template.language} already exists`);
    }
    this.records.append(template);
    return template;
  }

  /**
   * Replaces the template with the same name and language, keeping its place in the list. A
   * missing `id` or `code` keeps the current one.
   */
  replace(input: TemplateInput): EmulatorTemplate {
    const position = this.positionOf(byKey, 'key', input.name, input.language);
    if (position === undefined) throw new Error(`No template named ${input.name} in ${input.language}`);
    const current = this.records.at(position);
    const template = checkTemplate({
      ...structuredClone(input),
      id: input.id ?? current.id,
      code: input.code ?? current.code,
    });
    this.records.set(position, template);
    if (template.status !== current.status) {
      for (const watcher of this.statusWatchers) watcher({ previous: current, current: template });
    }
    return template;
  }

  /**
   * Calls `watcher` after every `replace` that changes a template's status (a review, a vendor's
   * edit, or a test pausing a template), which is when vendors send their callbacks. Returns a
   * function that stops watching.
   */
  watchStatus(watcher: (change: TemplateStatusChange) => void): () => void {
    this.statusWatchers.add(watcher);
    return () => this.statusWatchers.delete(watcher);
  }

  /**
   * Removes the template of this name in this language, or in every language when `language`
   * is left out (as NXCloud's deleteTemplate does). Returns how many were removed.
   */
  remove(name: string, language?: string): number {
    const positions =
      language === undefined
        ? this.records.positionsOf('name', byName, name)
        : this.records.positionsOf('key', byKey, templateKey(name, language));
    if (positions.length > 0) this.records.removePositions(positions);
    return positions.length;
  }

  get(name: string, language: string): EmulatorTemplate | undefined {
    return this.recordAt(this.positionOf(byKey, 'key', name, language));
  }

  /** The template with this Meta id (NXCloud's `id`). */
  getById(id: string): EmulatorTemplate | undefined {
    return this.recordAt(this.records.positionsOf('id', byId, id)[0]);
  }

  /** The template with this CAMS `TemplateCode` in this language. */
  getByCode(code: string, language: string): EmulatorTemplate | undefined {
    return this.recordAt(this.positionOf(byCode, 'code', code, language));
  }

  /** Every template, in list order. This builds them all; for big stores prefer `slice`. */
  list(): EmulatorTemplate[] {
    return this.records.all();
  }

  /** The templates at positions [start, end). */
  slice(start: number, end: number): EmulatorTemplate[] {
    return this.records.slice(start, end);
  }

  clear(): void {
    this.records.clear();
  }

  /** All templates, as a view for paging. */
  view(): RecordView<EmulatorTemplate> {
    return this.records.view();
  }

  /** Every language of one name, as a view for paging. */
  named(name: string): RecordView<EmulatorTemplate> {
    return this.records.viewOf(this.records.positionsOf('name', byName, name));
  }

  /**
   * The templates that pass `predicate`, as a view for paging. `cacheKey` names the predicate:
   * the last answer is reused while the store is unchanged, so paging scans the list once.
   */
  filter(cacheKey: string, predicate: (template: EmulatorTemplate) => boolean): RecordView<EmulatorTemplate> {
    return this.records.viewOf(this.records.filter(cacheKey, predicate));
  }

  private positionOf(
    keyOf: (template: EmulatorTemplate) => string,
    indexName: string,
    nameOrCode: string,
    language: string,
  ): number | undefined {
    return this.records.positionsOf(indexName, keyOf, templateKey(nameOrCode, language))[0];
  }

  private recordAt(position: number | undefined): EmulatorTemplate | undefined {
    return position === undefined ? undefined : this.records.at(position);
  }

  private codeFor(name: string): string {
    const sameName = this.records.positionsOf('name', byName, name)[0];
    return sameName === undefined ? this.newCode() : this.records.at(sameName).code;
  }

  private unusedId(): string {
    let id = this.newId();
    while (this.records.positionsOf('id', byId, id).length > 0) id = this.newId();
    return id;
  }
}

function checkTemplate(template: EmulatorTemplate): EmulatorTemplate {
  requireObject(template, 'template');
  for (const field of ['id', 'code', 'name', 'language', 'category', 'status'] as const) {
    requireString(template[field], `template.${field}`);
  }
  requireArray(template.components, 'template.components').forEach((component, index) => {
    const type = requireObject(component, `template.components[${index}]`).type;
    if (typeof type !== 'string' || !COMPONENT_TYPES.has(type)) {
      throw new TypeError(
        `template.components[${index}].type must be one of ${[...COMPONENT_TYPES].join(', ')}`,
      );
    }
    if (type === 'BUTTONS')
      requireArray((component as { buttons?: unknown }).buttons, `template.components[${index}].buttons`);
  });
  return deepFreeze(template);
}
