/**
 * `npm run provision -- --site https://contoso.sharepoint.com/sites/Plans`: creates Plan Builder's lists
 * and columns on a site, with the tenant credentials from the environment (see README). Safe to repeat:
 * a second run reports that nothing needed changing.
 */
import { tokenProvider } from '../adapters/sharepoint/app-tokens.js';
import { createGraphClient } from '../adapters/sharepoint/graph-client.js';
import { describeProvisionReport, provisionSite } from '../adapters/sharepoint/provision.js';
import { ConfigError, readConfig } from './config.js';

async function main(): Promise<void> {
  const flag = process.argv.indexOf('--site');
  const site = flag >= 0 ? process.argv[flag + 1] : undefined;
  if (!site)
    throw new ConfigError([
      'Name the site: npm run provision -- --site https://contoso.sharepoint.com/sites/Plans',
    ]);
  const config = readConfig({ ...process.env, PB_MODE: 'tenant', PB_SITE_URL: site });
  if (config.mode !== 'tenant') throw new ConfigError(['Provisioning needs tenant credentials']);
  const graph = createGraphClient({ tokens: tokenProvider(config.graphCredential) });
  console.log(describeProvisionReport(site, await provisionSite(graph, site)));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
