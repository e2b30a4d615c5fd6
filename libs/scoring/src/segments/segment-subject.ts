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

/** What segment rules read about one account: its metrics and the engagement model's. */
export type SegmentSubject = AccountMetrics & EngagementMetrics;

/** A fresh score row as segment rules see it. */
export function segmentSubjectOf(row: AccountScoreRow): SegmentSubject {
  return {
    ...toAccountMetrics(row),
    frequency: row.frequency,
    adoption_rate: row.adoptionRate,
    lifetime_adoption_rate: row.lifetimeAdoptionRate,
    last_active: row.lastActive === null ? null : formatUtcDay(row.lastActive),
    activation: row.activation,
  };
}
