/**
 * An infrastructure fault in a store, not an expected outcome: thrown, and mapped once at each edge. Edges
 * depend on this, never on a store adapter's own error type. `unavailable` says the store is busy or out of
 * reach (throttled, down) and nothing is lost by trying again later.
 */
export abstract class StoreFailure extends Error {
  abstract readonly unavailable: boolean;
}

/** The store is throttling or out of reach: the person can be told to try again in a moment. */
export const isStoreUnavailable = (error: unknown): error is StoreFailure =>
  error instanceof StoreFailure && error.unavailable;
