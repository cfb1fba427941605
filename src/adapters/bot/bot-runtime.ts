/**
 * The bot as the server runs it: the agent, the request handler that validates the incoming JWT (when a
 * client id is configured; anonymous only in local mode), and the proactive sender on the same adapter.
 */
import {
  AuthType,
  type AuthConfiguration,
  type CloudAdapter,
  type Request,
  type WebResponse,
} from '@microsoft/agents-hosting';
import { createAgentRequestHandler } from '@microsoft/agents-hosting-express';
import { createAgent, type BotDeps } from './agent.js';
import { TeamsSender } from './teams-sender.js';
import { handleTurnErrors } from './turn-errors.js';

/** How the bot authenticates: anonymous only in local mode, for the Agents Playground. */
export type BotAuth =
  | { readonly kind: 'anonymous' }
  | {
      readonly kind: 'client-secret';
      readonly tenantId: string;
      readonly clientId: string;
      readonly secret: string;
    }
  | { readonly kind: 'managed-identity'; readonly tenantId: string; readonly clientId: string };

export interface BotRuntime {
  readonly handle: (request: Request, response: WebResponse) => Promise<void>;
  readonly sender: TeamsSender;
}

export function authConfigurationFor(auth: BotAuth): AuthConfiguration {
  switch (auth.kind) {
    case 'anonymous':
      return { clientId: '' };
    case 'client-secret':
      return {
        clientId: auth.clientId,
        clientSecret: auth.secret,
        tenantId: auth.tenantId,
        authType: AuthType.ClientSecret,
      };
    case 'managed-identity':
      return { clientId: auth.clientId, tenantId: auth.tenantId, authType: AuthType.UserManagedIdentity };
  }
}

export function createBotRuntime(appId: string, auth: BotAuth, deps: BotDeps): BotRuntime {
  const agent = createAgent(deps);
  const handle = createAgentRequestHandler(agent, authConfigurationFor(auth));
  // createAgentRequestHandler gives the agent its adapter; proactive sends use the same one.
  const adapter = agent.adapter as CloudAdapter;
  // Never the SDK's "The agent encountered an error or bug.": a typed card, and the fault logged.
  handleTurnErrors(adapter, deps.log);
  return { handle, sender: new TeamsSender(adapter, appId) };
}
