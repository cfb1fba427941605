/**
 * App-only tokens for Graph with @azure/msal-node: a client secret or certificate for a registered app,
 * or the managed identity when running in Azure. MSAL caches tokens and refreshes them before expiry.
 */
import { ConfidentialClientApplication, ManagedIdentityApplication } from '@azure/msal-node';
import type { TokenProvider } from './graph-client.js';

export type GraphCredential =
  | {
      readonly kind: 'client-secret';
      readonly tenantId: string;
      readonly clientId: string;
      readonly secret: string;
    }
  | {
      readonly kind: 'certificate';
      readonly tenantId: string;
      readonly clientId: string;
      readonly thumbprintSha256: string;
      readonly privateKeyPem: string;
    }
  | { readonly kind: 'managed-identity'; readonly clientId?: string }
  /** Local mode: the emulator accepts this fixed token. */
  | { readonly kind: 'static'; readonly token: string };

const GRAPH_SCOPE = 'https://graph.microsoft.com/.default';

export function tokenProvider(credential: GraphCredential): TokenProvider {
  switch (credential.kind) {
    case 'static':
      return { getToken: async () => credential.token };
    case 'managed-identity': {
      const app = new ManagedIdentityApplication(
        credential.clientId ? { managedIdentityIdParams: { userAssignedClientId: credential.clientId } } : {},
      );
      return {
        getToken: async () =>
          (await app.acquireToken({ resource: 'https://graph.microsoft.com' })).accessToken,
      };
    }
    case 'client-secret':
    case 'certificate': {
      const app = new ConfidentialClientApplication({
        auth: {
          clientId: credential.clientId,
          authority: `https://login.microsoftonline.com/${credential.tenantId}`,
          ...(credential.kind === 'client-secret'
            ? { clientSecret: credential.secret }
            : {
                clientCertificate: {
                  thumbprintSha256: credential.thumbprintSha256,
                  privateKey: credential.privateKeyPem,
                },
              }),
        },
      });
      return {
        async getToken() {
          const result = await app.acquireTokenByClientCredential({ scopes: [GRAPH_SCOPE] });
          if (!result?.accessToken)
            throw new Error('Microsoft Entra ID returned no token for Microsoft Graph');
          return result.accessToken;
        },
      };
    }
  }
}
