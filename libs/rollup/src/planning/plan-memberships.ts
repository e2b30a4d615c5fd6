import type { IngestEvent } from '@coil/domain';
import { compareNumericIds } from './compare-ids';
import { subjectId } from './events';

export interface MembershipRow {
  accountId: string;
  userId: string;
}

/**
 * User-account links a batch states: a group call with a user, an identify with a groupId, a
 * track with a groupId. Deduplicated and sorted (account, user) like the primary key.
 */
export function planMemberships(
  events: IngestEvent[],
  userIdOf: ReadonlyMap<string, string>,
  accountIdOf: ReadonlyMap<string, string>,
): MembershipRow[] {
  const rows = new Map<string, MembershipRow>();
  for (const event of events) {
    const subject = subjectId(event);
    if (event.type === 'alias' || !event.groupId || subject === undefined) continue;
    const userId = userIdOf.get(subject);
    const accountId = accountIdOf.get(event.groupId);
    if (userId === undefined || accountId === undefined) {
      throw new Error(`membership of message ${event.messageId} not resolved`);
    }
    rows.set(`${accountId}|${userId}`, { accountId, userId });
  }
  return [...rows.values()].sort((a, b) => compareNumericIds(a.accountId, b.accountId) || compareNumericIds(a.userId, b.userId));
}
