import type { IngestEvent } from '@coil/domain';
import { firstOfEachMessage, planDailyCounts, planIdentities, planMemberships, planTraitUpdates, trackingIdsOf } from '../planning';
import type { RollupRepositories } from '../repositories';
import { applyAccountTraits, applyUserTraits } from './apply-traits';
import { resolveUsers } from './resolve-users';

export interface EventsToRollUp {
  workspaceId: string;
  /** The job id, or a job id with an event range when a batch is split around a poison event. */
  batchId: string;
  events: IngestEvent[];
}

export interface RollupOutcome {
  alreadyApplied: boolean;
  appliedEvents: number;
  /** Events whose messageId was seen in the last 24 h (or earlier in the batch). */
  duplicateEvents: number;
}

/** Applies a batch through repositories bound to one transaction; the caller commits. */
export async function rollupEvents(repos: RollupRepositories, input: EventsToRollUp): Promise<RollupOutcome> {
  const { workspaceId, batchId } = input;
  if (!(await repos.batches.claim(workspaceId, batchId, input.events.length))) {
    return { alreadyApplied: true, appliedEvents: 0, duplicateEvents: 0 };
  }
  const unique = firstOfEachMessage(input.events);
  const fresh = await repos.batches.markSeen(workspaceId, unique.map((event) => event.messageId).sort());
  const events = unique.filter((event) => fresh.has(event.messageId));

  const userIdOf = await resolveUsers(repos, workspaceId, planIdentities(events));
  const trackingIds = trackingIdsOf(events);
  const accountIdOf = trackingIds.length > 0 ? await repos.accounts.ensureAccounts(workspaceId, trackingIds) : new Map<string, string>();
  const traits = planTraitUpdates(events);
  await applyUserTraits(repos, workspaceId, traits.users, userIdOf);
  await applyAccountTraits(repos, workspaceId, traits.accounts, accountIdOf);
  await repos.memberships.addMemberships(workspaceId, planMemberships(events, userIdOf, accountIdOf));
  await repos.dailyCounts.addCounts(workspaceId, planDailyCounts(events, userIdOf, accountIdOf));
  return { alreadyApplied: false, appliedEvents: events.length, duplicateEvents: input.events.length - events.length };
}
