/**
 * What a store hands back with everything it holds: the item and the store's concurrency token for it.
 * A write names the version it started from, so a concurrent change is a CONFLICT (naming who changed it
 * and when), never a silent overwrite. The token is opaque: only the store that made it can read it.
 */
declare const versionBrand: unique symbol;

/** The store's concurrency token (SharePoint eTags underneath); opaque to everyone else. */
export type Version = { readonly [versionBrand]: true };

export interface Versioned<T> {
  readonly item: T;
  readonly version: Version;
}

/** What a keyed create found: it stored the item, or an item with that key was already there. */
export interface Created<T> {
  readonly stored: Versioned<T>;
  /** False when the key was taken: `stored` is then what was there, which may differ from what was asked. */
  readonly created: boolean;
}
