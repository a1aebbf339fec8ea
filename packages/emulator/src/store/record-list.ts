/** A read-only window on some records of a list, in list order, for paging. */
export interface RecordView<T> {
  readonly count: number;
  slice(start: number, end: number): T[];
}

/**
 * An ordered list of records where generated records are kept as their index only and rebuilt
 * on demand, so that a store of 100,000 templates costs a number per template until a record is
 * read. Records added by the user are kept as objects. Reading a slice is O(slice); a lookup
 * builds an index over the whole list once, and again after each change.
 */
export class RecordList<T> {
  private slots: Array<number | T>;
  private indexes = new Map<string, Map<string, number[]>>();
  private lastFilter: { key: string; positions: number[] } | undefined;

  constructor(
    leading: readonly T[],
    generatedCount: number,
    private readonly generate: (index: number) => T,
  ) {
    this.slots = [...leading];
    for (let index = 0; index < generatedCount; index++) this.slots.push(index);
  }

  get length(): number {
    return this.slots.length;
  }

  at(position: number): T {
    const slot = this.slots[position];
    if (slot === undefined) throw new RangeError(`No record at position ${position}`);
    return typeof slot === 'number' ? this.generate(slot) : slot;
  }

  slice(start: number, end: number): T[] {
    const out: T[] = [];
    for (let position = Math.max(0, start); position < Math.min(end, this.slots.length); position++) {
      out.push(this.at(position));
    }
    return out;
  }

  all(): T[] {
    return this.slice(0, this.slots.length);
  }

  append(record: T): void {
    this.slots.push(record);
    this.changed();
  }

  set(position: number, record: T): void {
    this.slots[position] = record;
    this.changed();
  }

  removePositions(positions: readonly number[]): void {
    const doomed = new Set(positions);
    this.slots = this.slots.filter((_, position) => !doomed.has(position));
    this.changed();
  }

  clear(): void {
    this.slots = [];
    this.changed();
  }

  /** The whole list as a view. */
  view(): RecordView<T> {
    return { count: this.slots.length, slice: (start, end) => this.slice(start, end) };
  }

  /** A view of the records at these positions (as returned by `positionsOf` or `filter`). */
  viewOf(positions: readonly number[]): RecordView<T> {
    return {
      count: positions.length,
      slice: (start, end) => positions.slice(Math.max(0, start), end).map((position) => this.at(position)),
    };
  }

  /** Positions of the records whose `keyOf` is `key`, in list order. */
  positionsOf(indexName: string, keyOf: (record: T) => string, key: string): number[] {
    let index = this.indexes.get(indexName);
    if (!index) {
      index = new Map();
      for (let position = 0; position < this.slots.length; position++) {
        const recordKey = keyOf(this.at(position));
        const positions = index.get(recordKey);
        if (positions) positions.push(position);
        else index.set(recordKey, [position]);
      }
      this.indexes.set(indexName, index);
    }
    return index.get(key) ?? [];
  }

  /**
   * Positions of the records that pass `predicate`, in list order. The last answer is kept under
   * `cacheKey`, so that paging through one filtered list scans the records once.
   */
  filter(cacheKey: string, predicate: (record: T) => boolean): number[] {
    const cached = this.lastFilter;
    if (cached && cached.key === cacheKey) return cached.positions;
    const positions: number[] = [];
    for (let position = 0; position < this.slots.length; position++) {
      if (predicate(this.at(position))) positions.push(position);
    }
    this.lastFilter = { key: cacheKey, positions };
    return positions;
  }

  private changed(): void {
    this.indexes.clear();
    this.lastFilter = undefined;
  }
}
