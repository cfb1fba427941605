/**
 * An `@odata.nextLink` / `@odata.deltaLink` as a path under the Graph version root, ready for `client.api()`
 * and for `$batch` request urls (which must be relative). Graph answers `https://graph.microsoft.com/v1.0/…`;
 * the local emulator, like Azurite, answers on its own origin (`http://127.0.0.1:PORT/v1.0/…`), and the
 * Graph JS client 3.0.7 treats only `https://` URLs as absolute, so both are cut to `/…` here and the
 * client's own base URL (and the loopback rewrite, in local mode) decide where the request goes.
 */
const VERSION_ROOT = /^https?:\/\/[^/?#]+\/v1\.0(?=[/?]|$)/i;

export function graphPathOf(link: string): string {
  const m = VERSION_ROOT.exec(link);
  if (m === null) return link;
  const rest = link.slice(m[0].length);
  return rest.startsWith('/') ? rest : `/${rest}`;
}
