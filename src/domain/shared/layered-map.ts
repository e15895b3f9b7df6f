/**
 * A map kept in versions that share their bulk: each version is a base map, never changed once built, with
 * that version's own changes on top (a value, or `undefined` for a key removed). A new version copies only the
 * changes, and folds them into a new base once they are a sixteenth of it (at least 1,024), so a version
 * made after each of many small changes costs the changes, not the whole map, and old versions stay exactly
 * as they were for whoever still reads them (docs/decisions/0035).
 */
export class LayeredMap<K, V> {
  private constructor(
    private readonly base: ReadonlyMap<K, V>,
    private readonly own: ReadonlyMap<K, V | undefined>,
  ) {}

  /** The first version: these entries (the map is taken over, not copied; do not change it afterwards). */
  static of<K, V>(entries: Map<K, V>): LayeredMap<K, V> {
    return new LayeredMap(entries, new Map());
  }

  get(key: K): V | undefined {
    return this.own.has(key) ? this.own.get(key) : this.base.get(key);
  }

  /** A new version: this one with `changes` applied (`undefined` removes a key). This version is unchanged. */
  with(changes: ReadonlyMap<K, V | undefined>): LayeredMap<K, V> {
    if (changes.size === 0) return this;
    const own = new Map(this.own);
    for (const [key, value] of changes) own.set(key, value);
    if (own.size < Math.max(1024, this.base.size >> 4)) return new LayeredMap(this.base, own);
    const base = new Map(this.base);
    for (const [key, value] of own) {
      if (value === undefined) base.delete(key);
      else base.set(key, value);
    }
    return new LayeredMap(base, new Map());
  }
}

/** Changes to a version, read through as they are made; `done()` gives the new version. */
export function editLayered<K, V>(map: LayeredMap<K, V>) {
  const changes = new Map<K, V | undefined>();
  return {
    get: (key: K): V | undefined => (changes.has(key) ? changes.get(key) : map.get(key)),
    set: (key: K, value: V) => void changes.set(key, value),
    delete: (key: K) => void changes.set(key, undefined),
    done: (): LayeredMap<K, V> => map.with(changes),
  };
}
