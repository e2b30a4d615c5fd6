import type { AccountInsights } from '../insights/account-insights';
import type { AccountSegmentsRepository } from '../repositories/account-segments.repository';
import type { AccountTraitsRepository } from '../repositories/account-traits.repository';
import type { BlockLoaders } from './block-cache';

/** Where each block comes from on a cache miss. */
export function accountBlockLoaders(
  traits: AccountTraitsRepository,
  segments: AccountSegmentsRepository,
  insights: AccountInsights,
): BlockLoaders {
  return {
    traits: (workspaceId, accountId) => traits.traits(workspaceId, accountId),
    segments: (workspaceId, accountId) => segments.currentSegments(workspaceId, accountId),
    insights: (workspaceId, accountId) => insights.generate(workspaceId, accountId),
  };
}
