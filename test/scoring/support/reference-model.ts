import {
  ACTIVE_PEOPLE_DAYS,
  benchmark,
  formatUtcDay,
  isInFrame,
  RECENT_EVENTS_DAYS,
  scoreAccounts,
  scoreWith,
  toAccountMetrics,
  trailingDays,
  utcDay,
  weightOfEvent,
  type AccountMetrics,
  type AccountTotals,
  type Activation,
  type ActivationChecklist,
  type AdoptionUnits,
  type FeatureWeight,
  type UserTotals,
  type EntityId,
  type EventWeighting,
  type NormalizationMethod,
  type TimeFrame,
} from '@coil/scoring';

/*
 * The scoring model written plainly, one account (or one population) at a time: the oracle the
 * SQL scoring pass is compared with on generated workspaces (sql-pass-oracle.spec.ts). It lives
 * with the tests because production never runs it: @coil/scoring-pass aggregates in SQL, then
 * scores with @coil/scoring. Its own spec (reference-model.spec.ts) pins it to the model's
 * worked examples, so the SQL is checked against the model's numbers, not against itself.
 */

export type EventCounts = ReadonlyMap<string, number> | Readonly<Record<string, number>>;

/**
 * sum over scored events of count * weight. Events missing from `weights` score with
 * `defaultWeight` (0 = not scored; DEFAULT_EVENT_WEIGHT when nothing is configured).
 */
export function rawScore(counts: EventCounts, weights: ReadonlyMap<string, number>, defaultWeight = 0): number {
  let total = 0;
  for (const [event, count] of counts instanceof Map ? counts.entries() : Object.entries(counts)) {
    total += count * (weights.get(event) ?? defaultWeight);
  }
  return total;
}

/** One row of daily_counts attributed to an account: a user's count of one event on one UTC day. */
export interface DailyCountRow {
  readonly userId: EntityId;
  readonly event: string;
  readonly day: Date;
  readonly count: number;
}

export interface AccountRowsInput {
  readonly accountId: EntityId;
  /** All-time daily counts attributed to the account (all users, all events). */
  readonly rows: readonly DailyCountRow[];
  readonly memberUserIds: readonly EntityId[];
  readonly weighting: EventWeighting;
  readonly frame: TimeFrame;
  readonly now: Date;
  /** What adoption counts (adoptionUnits); omitted: nothing. */
  readonly adoption?: AdoptionUnits;
}

const NO_UNITS: AdoptionUnits = { unitOfEvent: new Map(), count: 0 };

/** frequency, adoption units used and last_active of one subject's rows (an account's, or a user's). */
function engagementFromRows(
  rows: readonly DailyCountRow[],
  weighting: EventWeighting,
  frame: TimeFrame,
  adoption: AdoptionUnits = NO_UNITS,
): Pick<AccountTotals, 'frequency' | 'adoptionUnitsUsed' | 'lifetimeAdoptionUnitsUsed' | 'lastActive'> {
  const activeDays = new Set<number>();
  const unitsInFrame = new Set<string>();
  const unitsEver = new Set<string>();
  let lastActive = -Infinity;
  for (const row of rows) {
    if (row.count <= 0 || weightOfEvent(row.event, weighting) <= 0) continue;
    lastActive = Math.max(lastActive, utcDay(row.day).getTime());
    const unit = adoption.unitOfEvent.get(row.event) ?? null;
    if (unit !== null) unitsEver.add(unit);
    if (!isInFrame(row.day, frame)) continue;
    activeDays.add(utcDay(row.day).getTime());
    if (unit !== null) unitsInFrame.add(unit);
  }
  return {
    frequency: activeDays.size,
    adoptionUnitsUsed: unitsInFrame.size,
    lifetimeAdoptionUnitsUsed: unitsEver.size,
    lastActive: Number.isFinite(lastActive) ? new Date(lastActive) : null,
  };
}

/** Every total of one account, from its rows. */
export function accountTotalsFromRows(input: AccountRowsInput): AccountTotals {
  const recent = trailingDays(input.now, RECENT_EVENTS_DAYS);
  const activePeople = trailingDays(input.now, ACTIVE_PEOPLE_DAYS);
  const inFrame = new Map<string, number>();
  const activeUsers = new Set<EntityId>();
  const activeLately = new Set<EntityId>();
  const performed = new Set<string>();
  let overall = 0,
    recently = 0;
  let firstSeen = Infinity,
    lastSeen = -Infinity;
  for (const row of input.rows) {
    if (row.count <= 0) continue;
    firstSeen = Math.min(firstSeen, utcDay(row.day).getTime());
    lastSeen = Math.max(lastSeen, utcDay(row.day).getTime());
    if (isInFrame(row.day, activePeople)) activeLately.add(row.userId);
    if (weightOfEvent(row.event, input.weighting) <= 0) continue;
    performed.add(row.event);
    overall += row.count;
    if (isInFrame(row.day, recent)) recently += row.count;
    if (!isInFrame(row.day, input.frame)) continue;
    inFrame.set(row.event, (inFrame.get(row.event) ?? 0) + row.count);
    activeUsers.add(row.userId);
  }
  return {
    accountId: input.accountId,
    rawScore: rawScore(inFrame, input.weighting.weights, input.weighting.unlistedWeight),
    activeUsers: activeUsers.size,
    totalPeopleCount: new Set(input.memberUserIds).size,
    totalActivePeopleCount: activeLately.size,
    scoredEventsPerformed: performed.size,
    overallScoredEvents: overall,
    recentlyScoredEvents: recently,
    scoringProfileEvents: [...inFrame.values()].reduce((sum, count) => sum + count, 0),
    firstSeen: Number.isFinite(firstSeen) ? new Date(firstSeen) : null,
    lastSeen: Number.isFinite(lastSeen) ? new Date(lastSeen) : null,
    ...engagementFromRows(input.rows, input.weighting, input.frame, input.adoption),
  };
}

export interface UserRowsInput {
  readonly userId: EntityId;
  /** All-time daily counts of the user, whichever account they named. */
  readonly rows: readonly DailyCountRow[];
  readonly weighting: EventWeighting;
  readonly frame: TimeFrame;
  readonly adoption?: AdoptionUnits;
}

/** Every total of one user, from its rows. */
export function userTotalsFromRows(input: UserRowsInput): UserTotals {
  const inFrame = new Map<string, number>();
  let firstSeen = Infinity,
    lastSeen = -Infinity;
  for (const row of input.rows) {
    if (row.count <= 0) continue;
    firstSeen = Math.min(firstSeen, utcDay(row.day).getTime());
    lastSeen = Math.max(lastSeen, utcDay(row.day).getTime());
    if (weightOfEvent(row.event, input.weighting) > 0 && isInFrame(row.day, input.frame)) {
      inFrame.set(row.event, (inFrame.get(row.event) ?? 0) + row.count);
    }
  }
  return {
    userId: input.userId,
    rawScore: rawScore(inFrame, input.weighting.weights, input.weighting.unlistedWeight),
    scoringProfileEvents: [...inFrame.values()].reduce((sum, count) => sum + count, 0),
    firstSeen: Number.isFinite(firstSeen) ? new Date(firstSeen) : null,
    lastSeen: Number.isFinite(lastSeen) ? new Date(lastSeen) : null,
    ...engagementFromRows(input.rows, input.weighting, input.frame, input.adoption),
  };
}

/**
 * The day each step of the checklist was done by a subject with these rows: the day its
 * all-time count of the step's event (or of all the feature's events) first reached min_count.
 */
export function stepDoneDays(
  checklist: ActivationChecklist,
  features: readonly Pick<FeatureWeight, 'name' | 'events'>[],
  rows: readonly DailyCountRow[],
): (Date | null)[] {
  const byDay = [...rows].sort((a, b) => a.day.getTime() - b.day.getTime());
  const done: (Date | null)[] = checklist.steps.map(() => null);
  checklist.steps.forEach((step, index) => {
    const events = step.kind === 'event' ? [step.name] : (features.find((feature) => feature.name === step.name)?.events ?? []);
    let total = 0;
    for (const row of byDay) {
      if (!events.includes(row.event) || row.count <= 0) continue;
      total += row.count;
      if (total >= step.minCount) {
        done[index] = utcDay(row.day);
        break;
      }
    }
  });
  return done;
}

export interface AccountMetricsInput extends AccountRowsInput {
  /** The workspace's benchmark; without it the account is scored as if alone (B = its raw). */
  readonly benchmark?: number;
  readonly method?: NormalizationMethod;
  readonly scoredEventCount: number;
  readonly previousScore?: number | null;
}

/** The metrics block of one account, as /v1/accounts serves it. */
export function accountMetrics(input: AccountMetricsInput): AccountMetrics {
  const previous = input.previousScore;
  const [row] = scoreAccounts([accountTotalsFromRows(input)], {
    period: input.frame.end,
    method: input.method,
    scoredEventCount: input.scoredEventCount,
    benchmark: input.benchmark,
    previousScores: previous == null ? undefined : new Map([[String(input.accountId), previous]]),
  });
  return toAccountMetrics(row);
}

export interface NormalizedScores<T> {
  readonly benchmark: number;
  readonly scores: T;
}

/**
 * A whole population (the accounts of a workspace, or its users) scored against one benchmark
 * computed once. Keeps the input's shape: array in -> array, map in -> map.
 */
export function normalizeScores(raws: readonly number[], method?: NormalizationMethod): NormalizedScores<number[]>;
export function normalizeScores<K>(raws: ReadonlyMap<K, number>, method?: NormalizationMethod): NormalizedScores<Map<K, number>>;
export function normalizeScores<K>(
  raws: readonly number[] | ReadonlyMap<K, number>,
  method: NormalizationMethod = 'exponential',
): NormalizedScores<number[] | Map<K, number>> {
  if (isList(raws)) {
    const b = benchmark(raws);
    return { benchmark: b, scores: raws.map((raw) => scoreWith(method, raw, b)) };
  }
  const b = benchmark([...raws.values()]);
  const scores = new Map<K, number>();
  for (const [id, raw] of raws) scores.set(id, scoreWith(method, raw, b));
  return { benchmark: b, scores };
}

function isList<K>(raws: readonly number[] | ReadonlyMap<K, number>): raws is readonly number[] {
  return Array.isArray(raws);
}

/** The engagement-model columns of a row (as stored and served), from its totals. */
export interface EngagementMetrics {
  readonly frequency: number;
  readonly adoption_rate: number;
  readonly lifetime_adoption_rate: number;
  readonly last_active: string | null;
  readonly activation: Activation | null;
}

export function engagementMetrics(
  totals: Pick<AccountTotals, 'frequency' | 'adoptionUnitsUsed' | 'lifetimeAdoptionUnitsUsed' | 'lastActive'>,
  adoptionUnitCount: number,
  activation: Activation | null,
): EngagementMetrics {
  const share = (used: number): number => (adoptionUnitCount === 0 ? 0 : Math.round(Math.min(1, used / adoptionUnitCount) * 100) / 100);
  return {
    frequency: totals.frequency,
    adoption_rate: share(totals.adoptionUnitsUsed),
    lifetime_adoption_rate: share(totals.lifetimeAdoptionUnitsUsed),
    last_active: totals.lastActive === null ? null : formatUtcDay(totals.lastActive),
    activation,
  };
}
