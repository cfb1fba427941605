/** How much one person may ask of the server in a short time. */
export interface RateLimiter {
  /** Takes one request from the key's budget; when empty, says how long until there is one again. */
  take(
    key: string,
  ): { readonly allowed: true } | { readonly allowed: false; readonly retryAfterSeconds: number };
}
