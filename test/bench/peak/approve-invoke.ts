/**
 * The activity Teams sends when a management-team member presses Approve on the chat's posted card
 * (an Adaptive Card Action.Execute invoke), as the bench's members send it to the server.
 */
import { randomUUID } from 'node:crypto';
import { LOCAL_BOT_ID } from '../../../src/server/config.js';
import type { ApprovalTarget } from './server-child.js';

export function approveInvoke(options: {
  readonly idPrefix: string;
  readonly serviceUrl: string;
  readonly chatId: string;
  readonly memberId: string;
  readonly memberName: string;
  readonly target: ApprovalTarget;
}): string {
  return JSON.stringify({
    type: 'invoke',
    name: 'adaptiveCard/action',
    id: `${options.idPrefix}-${randomUUID()}`,
    channelId: 'msteams',
    serviceUrl: options.serviceUrl,
    recipient: { id: LOCAL_BOT_ID, name: 'Plan Builder' },
    from: { id: `29:${options.memberId}`, aadObjectId: options.memberId, name: options.memberName },
    conversation: {
      id: options.chatId,
      conversationType: 'groupChat',
      isGroup: true,
      tenantId: 'local-tenant',
    },
    channelData: { tenant: { id: 'local-tenant' } },
    value: {
      action: {
        type: 'Action.Execute',
        verb: 'approval.respond',
        data: { ...options.target, decision: 'approve' },
      },
      trigger: 'manual',
    },
  });
}
