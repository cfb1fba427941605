/**
 * A bot cannot message someone who has not installed the app. Through Graph the app installs itself for
 * that person (TeamsAppInstallation.ReadWriteSelfForUser.All) and the 1:1 chat it creates becomes the
 * conversation. Where the tenant forbids it, the answer is null and the plan lead is told.
 */
import { GraphError, type Client } from '@microsoft/microsoft-graph-client';
import type { PersonId } from '../../domain/plan/plan.js';
import { personalKey, type ConversationStore, type StoredConversation } from '../../ports/conversations.js';
import type { Clock } from '../../ports/clock.js';
import type { ChatInstaller } from '../../ports/messaging.js';

export interface InstallerOptions {
  /** The app's id in the tenant's app catalog. */
  readonly catalogAppId: string;
  readonly botId: string;
  readonly tenantId: string;
  /** Where to reach the tenant's Teams when no conversation has told us yet. */
  readonly defaultServiceUrl: string;
}

const statusOf = (error: unknown): number | null => (error instanceof GraphError ? error.statusCode : null);

export class GraphChatInstaller implements ChatInstaller {
  constructor(
    private readonly graph: Client,
    private readonly conversations: ConversationStore,
    private readonly clock: Clock,
    private readonly options: InstallerOptions,
  ) {}

  async personalChat(userId: PersonId): Promise<StoredConversation | null> {
    const user = encodeURIComponent(userId);
    try {
      await this.graph.api(`/users/${user}/teamwork/installedApps`).post({
        'teamsApp@odata.bind': `https://graph.microsoft.com/v1.0/appCatalogs/teamsApps/${this.options.catalogAppId}`,
      });
    } catch (error) {
      const status = statusOf(error);
      if (status === 403 || status === 404) return null;
      if (status !== 409) throw error; // 409: already installed, which is what we want
    }
    const installed = (await this.graph
      .api(`/users/${user}/teamwork/installedApps`)
      .query({ $expand: 'teamsApp', $filter: `teamsApp/id eq '${this.options.catalogAppId}'` })
      .get()) as { value: { id: string }[] };
    const installation = installed.value[0];
    if (!installation) return null;
    const chat = (await this.graph
      .api(`/users/${user}/teamwork/installedApps/${installation.id}/chat`)
      .get()) as { id: string };
    // Any conversation already captured in this tenant tells us its regional service URL.
    const known = (await this.conversations.shared())[0];
    return {
      key: personalKey(userId),
      kind: 'personal',
      conversationId: chat.id,
      serviceUrl: known?.serviceUrl ?? this.options.defaultServiceUrl,
      tenantId: this.options.tenantId,
      botId: this.options.botId,
      userId,
      title: null,
      updatedAt: this.clock.now(),
    };
  }
}
