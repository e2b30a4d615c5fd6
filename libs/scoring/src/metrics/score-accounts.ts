import type { Activation } from '../activation/activation-checklist';
import { benchmark as benchmarkOf } from '../normalization/benchmark';
import { type NormalizationMethod, scoreChange, scoreWith } from '../normalization/engagement-score';
import type { AccountScoreRow } from './account-score-row';
import type { AccountTotals, EntityId } from './account-totals';
import { activationRate } from './activation-rate';
import { engagementFields } from './engagement-fields';

export interface ScoreAccountsOptions {
  /** Period key: the frame's last UTC day. */
  readonly period: Date;
  readonly method?: NormalizationMethod;
  /** Denominator of activation_rate (see scoredEventCount). */
  readonly scoredEventCount: number;
  /** Denominator of adoption_rate and lifetime_adoption_rate (adoptionUnits(...).count); 0 when omitted. */
  readonly adoptionUnitCount?: number;
  /**
   * engagement_score one time frame ago (see changeBaseline) keyed by String(accountId);
   * missing -> change null.
   */
  readonly previousScores?: ReadonlyMap<string, number>;
  /** Each account's activation; omitted (no checklist) -> null. */
  readonly activationOf?: (accountId: EntityId) => Activation | null;
  /**
   * Use a benchmark computed earlier instead of one from `totals`: for rescoring a few
   * accounts between full passes without reading the whole workspace.
   */
  readonly benchmark?: number;
}

/**
 * The stored score rows of all accounts of a workspace in one call. Pass every account of
 * the workspace (the benchmark is computed once over them), not a page.
 */
export function scoreAccounts(totals: readonly AccountTotals[], options: ScoreAccountsOptions): AccountScoreRow[] {
  const method = options.method ?? 'exponential';
  const b = options.benchmark ?? benchmarkOf(totals.map((account) => account.rawScore));
  const units = options.adoptionUnitCount ?? 0;
  return totals.map((account) => {
    const engagementScore = scoreWith(method, account.rawScore, b);
    return {
      accountId: account.accountId,
      period: options.period,
      rawScore: account.rawScore,
      engagementScore,
      engagementScoreChange: scoreChange(engagementScore, options.previousScores?.get(String(account.accountId))),
      benchmark: b,
      activeUsers: account.activeUsers,
      activationRate: activationRate(account.scoredEventsPerformed, options.scoredEventCount),
      overallScoredEvents: account.overallScoredEvents,
      recentlyScoredEvents: account.recentlyScoredEvents,
      scoringProfileEvents: account.scoringProfileEvents,
      totalPeopleCount: account.totalPeopleCount,
      totalActivePeopleCount: account.totalActivePeopleCount,
      firstSeen: account.firstSeen,
      lastSeen: account.lastSeen,
      ...engagementFields(account, units, options.activationOf?.(account.accountId) ?? null),
    };
  });
}
