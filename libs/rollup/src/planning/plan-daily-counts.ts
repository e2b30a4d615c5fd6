import type { IngestEvent } from '@coil/domain';
import { compareNumericIds, compareStrings } from './compare-ids';
import { subjectId, utcDay } from './events';

/** The account id of counts whose event named no account (they follow the user's memberships). */
export const NO_ACCOUNT = '0';

export interface DailyCountRow {
  userId: string;
  accountId: string;
  event: string;
  /** YYYY-MM-DD, UTC. */
  day: string;
  count: number;
}

function compareRows(a: DailyCountRow, b: DailyCountRow): number {
  return (
    compareNumericIds(a.userId, b.userId) ||
    compareNumericIds(a.accountId, b.accountId) ||
    compareStrings(a.event, b.event) ||
    compareStrings(a.day, b.day)
  );
}

/**
 * Track events summed per (user, account, event, day), sorted: every worker then locks the rows
 * of its upsert in the same order, so two concurrent batches can wait on each other but never
 * deadlock. An event naming an account counts for that account only; one naming none gets
 * NO_ACCOUNT.
 */
export function planDailyCounts(
  events: IngestEvent[],
  userIdOf: ReadonlyMap<string, string>,
  accountIdOf: ReadonlyMap<string, string>,
): DailyCountRow[] {
  const rows = new Map<string, DailyCountRow>();
  for (const event of events) {
    if (event.type !== 'track' || !event.event) continue;
    const userId = userIdOf.get(subjectId(event) ?? '');
    if (userId === undefined) throw new Error(`no user resolved for message ${event.messageId}`);
    const accountId = event.groupId ? accountIdOf.get(event.groupId) : NO_ACCOUNT;
    if (accountId === undefined) throw new Error(`no account resolved for message ${event.messageId}`);
    const day = utcDay(event.timestamp);
    // The event name goes last in the key, so no character in it can make two keys collide.
    const key = `${userId}|${accountId}|${day}|${event.event}`;
    const row = rows.get(key);
    if (row) row.count += 1;
    else rows.set(key, { userId, accountId, event: event.event, day, count: 1 });
  }
  return [...rows.values()].sort(compareRows);
}
