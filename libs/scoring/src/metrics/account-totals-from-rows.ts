import { ACTIVE_PEOPLE_DAYS, isInFrame, RECENT_EVENTS_DAYS, TimeFrame, trailingDays } from '../time/time-frame';
import { utcDay } from '../time/utc-day';
import { EventWeighting, weightOfEvent } from '../weights/event-weighting';
import { AccountTotals } from './account-totals';
import { DailyCountRow } from './daily-count-row';
import { EntityId } from './entity-id';

export interface AccountRowsInput {
  readonly accountId: EntityId;
  /** All-time daily counts attributed to the account (all users, all events). */
  readonly rows: readonly DailyCountRow[];
  readonly memberUserIds: readonly EntityId[];
  readonly weighting: EventWeighting;
  readonly frame: TimeFrame;
  readonly now: Date;
}

/** The per-account aggregation done in plain code: for tests, small workspaces and checks of the SQL. */
export function accountTotalsFromRows(input: AccountRowsInput): AccountTotals {
  const recent = trailingDays(input.now, RECENT_EVENTS_DAYS);
  const activePeople = trailingDays(input.now, ACTIVE_PEOPLE_DAYS);
  const activeUsers = new Set<EntityId>();
  const activeLately = new Set<EntityId>();
  const performed = new Set<string>();
  let rawScore = 0, overall = 0, recently = 0, inFrame = 0;
  let firstSeen = Infinity, lastSeen = -Infinity;
  for (const row of input.rows) {
    if (row.count <= 0) continue;
    firstSeen = Math.min(firstSeen, utcDay(row.day).getTime());
    lastSeen = Math.max(lastSeen, utcDay(row.day).getTime());
    if (isInFrame(row.day, activePeople)) activeLately.add(row.userId);
    const weight = weightOfEvent(row.event, input.weighting);
    if (weight <= 0) continue;
    performed.add(row.event);
    overall += row.count;
    if (isInFrame(row.day, recent)) recently += row.count;
    if (!isInFrame(row.day, input.frame)) continue;
    inFrame += row.count;
    rawScore += row.count * weight;
    activeUsers.add(row.userId);
  }
  return {
    accountId: input.accountId,
    rawScore,
    activeUsers: activeUsers.size,
    totalPeopleCount: new Set(input.memberUserIds).size,
    totalActivePeopleCount: activeLately.size,
    scoredEventsPerformed: performed.size,
    overallScoredEvents: overall,
    recentlyScoredEvents: recently,
    scoringProfileEvents: inFrame,
    firstSeen: Number.isFinite(firstSeen) ? new Date(firstSeen) : null,
    lastSeen: Number.isFinite(lastSeen) ? new Date(lastSeen) : null,
  };
}
