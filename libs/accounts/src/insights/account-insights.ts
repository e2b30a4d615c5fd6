import { addUtcDays, formatUtcDay, QUIET_DAYS, timeFrame, utcDay, type Insights, type InsightsProvider } from '@coil/scoring';
import type { ScoreExplainer } from '../explanation/score-explainer';
import type { ProfileResolver, ProfileSelector } from '../profiles/profile-resolver';
import type { InsightsDataRepository } from '../repositories/insights-data.repository';
import { assembleInsightsInput, windowDaysOrFallback } from './assemble-insights-input';

/**
 * Reads what insights need for one account, for the profile asked for, and hands it to the
 * provider, with the score explanation's change so the score signals name its drivers.
 */
export class AccountInsights {
  constructor(
    private readonly data: Pick<InsightsDataRepository, 'scoreHistory' | 'activity' | 'featureCounts'>,
    private readonly profiles: Pick<ProfileResolver, 'resolve'>,
    private readonly provider: InsightsProvider,
    private readonly explainer: Pick<ScoreExplainer, 'explain'>,
    private readonly now: () => Date,
  ) {}

  async generate(workspaceId: string, accountId: string, selector: ProfileSelector = null): Promise<Insights> {
    const now = this.now();
    const profile = await this.profiles.resolve(workspaceId, selector);
    const windowDays = windowDaysOrFallback(profile.windowDays);
    const frameStart = formatUtcDay(timeFrame(now, windowDays).start);
    // A member is quiet when the last day with an event is QUIET_DAYS or more before today.
    const quietSince = formatUtcDay(addUtcDays(utcDay(now), 1 - QUIET_DAYS));
    const [history, activity, features, explained] = await Promise.all([
      profile.id === null ? Promise.resolve([]) : this.data.scoreHistory(workspaceId, profile.id, accountId),
      this.data.activity(workspaceId, accountId, frameStart, quietSince),
      this.data.featureCounts(workspaceId, accountId, frameStart),
      this.explainer.explain('account', workspaceId, { kind: 'id', id: accountId }, selector),
    ]);
    const input = assembleInsightsInput({ now, windowDays, history, activity, features });
    return this.provider.generate({ ...input, change: explained.explanation.change });
  }
}
