import type { Activation } from '../activation/activation-checklist';
import { type AccountMetrics, toAccountMetrics } from '../metrics/account-metrics';
import type { AccountScoreRow } from '../metrics/account-score-row';
import { formatUtcDay } from '../time/utc-day';

/** The engagement model's metrics (parity.md), as served. */
export interface EngagementMetrics {
  readonly frequency: number;
  readonly adoption_rate: number;
  readonly lifetime_adoption_rate: number;
  /** 'YYYY-MM-DD': the last UTC day with a scored event. */
  readonly last_active: string | null;
  /** Null when the workspace has no activation checklist. */
  readonly activation: Activation | null;
}

/**
 * What segment rules read about one account. The engagement metrics are optional while not
 * every producer of score rows fills them; a rule over a missing one is unknown.
 */
export type SegmentSubject = AccountMetrics & Partial<EngagementMetrics>;

/** The same metrics on a score row (camelCase, days as Dates), optional for the same reason. */
interface EngagementRowFields {
  readonly frequency: number;
  readonly adoptionRate: number;
  readonly lifetimeAdoptionRate: number;
  readonly lastActive: Date | null;
  readonly activation: Activation | null;
}

/** A fresh score row as segment rules see it. */
export function segmentSubjectOf(row: AccountScoreRow): SegmentSubject {
  const engagement = row as AccountScoreRow & Partial<EngagementRowFields>;
  return {
    ...toAccountMetrics(row),
    frequency: engagement.frequency,
    adoption_rate: engagement.adoptionRate,
    lifetime_adoption_rate: engagement.lifetimeAdoptionRate,
    last_active: dayOf(engagement.lastActive),
    activation: engagement.activation,
  };
}

function dayOf(day: Date | null | undefined): string | null | undefined {
  return day === null || day === undefined ? day : formatUtcDay(day);
}
