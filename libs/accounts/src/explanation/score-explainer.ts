import {
  DEFAULT_WINDOW_DAYS,
  explainScore,
  formatUtcDay,
  isTraitDataType,
  parseTraitFilter,
  parseUtcDay,
  scopeTallies,
  trailingDays,
  type ScoreExplanation,
  type TraitDataType,
} from '@coil/scoring';
import { DEFAULT_PROFILE_NAME } from '@coil/settings';
import type { ProfileResolver, ProfileSelector } from '../profiles/profile-resolver';
import type { Lookup } from '../query/query-validator';
import { singleMatch } from '../reading/single-match';
import type { AccountExplainQuery } from './explain-query';
import type { ExplainedSubjectType, ExplanationRow, ScoreExplanationRepository } from './score-explanation.repository';

export interface ExplainedScore {
  id: string;
  explanation: ScoreExplanation;
}

/** The 200 body of GET /v1/accounts/explain: the account's id, then its explanation. */
export type AccountExplanationBody = { id: string } & ScoreExplanation;

/**
 * What a score is made of and what moved it, for one account or user and the profile asked for:
 * one statement reads everything (ScoreExplanationRepository), explainScore of @coil/scoring does
 * the math. The profile is resolved separately only when the statement found none by that name
 * (a 400 listing the names, or a workspace not scored yet).
 */
export class ScoreExplainer {
  constructor(
    private readonly explanations: Pick<ScoreExplanationRepository, 'find'>,
    private readonly profiles: Pick<ProfileResolver, 'resolve'>,
    private readonly now: () => Date,
  ) {}

  /** GET /v1/accounts/explain: always computed (expand=explanation is the cached form). */
  async account(query: AccountExplainQuery): Promise<AccountExplanationBody> {
    const { id, explanation } = await this.explain('account', query.workspaceId, query.lookup, query.profile);
    return { id, ...explanation };
  }

  async explain(type: ExplainedSubjectType, workspaceId: string, lookup: Lookup, selector: ProfileSelector): Promise<ExplainedScore> {
    const now = this.now();
    const rows = await this.explanations.find(type, workspaceId, selector, formatUtcDay(now), DEFAULT_WINDOW_DAYS, lookup);
    if (selector !== null && (rows.length === 0 || rows[0].profile === null)) await this.profiles.resolve(workspaceId, selector);
    const row = singleMatch(rows, lookup, type);
    return { id: row.id, explanation: explanationOf(type, row, now) };
  }
}

function explanationOf(type: ExplainedSubjectType, row: ExplanationRow, now: Date): ScoreExplanation {
  const profile = row.profile ?? {
    name: DEFAULT_PROFILE_NAME,
    windowDays: DEFAULT_WINDOW_DAYS,
    filter: null,
    normalization: 'exponential',
  };
  const context = { traitTypes: traitTypesOf(row.traitTypes), now };
  const scoped = scopeTallies(parseTraitFilter(profile.filter), { type, traits: row.traits, members: row.members }, row.tallies, context);
  return explainScore({
    profile: profile.name,
    frame: trailingDays(parseUtcDay(row.period), profile.windowDays),
    method: profile.normalization === 'winsorized' ? 'winsorized' : 'exponential',
    p90: row.p90,
    inBenchmark: row.inBenchmark,
    tallies: scoped.tallies,
    current: row.score === null ? null : { period: parseUtcDay(row.period), engagementScore: row.score },
    baseline:
      row.baselinePeriod === null || row.baselineScore === null
        ? null
        : { period: parseUtcDay(row.baselinePeriod), engagementScore: row.baselineScore },
    filter: scoped.filter,
  });
}

function traitTypesOf(stored: Record<string, string>): Map<string, TraitDataType> {
  return new Map(Object.entries(stored).filter((entry): entry is [string, TraitDataType] => isTraitDataType(entry[1])));
}
