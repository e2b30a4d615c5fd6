import type { IngestEvent } from '@coil/domain';
import {
  firstOfEachMessage,
  planDailyCounts,
  planIdentities,
  planMemberships,
  planTraitUpdates,
  trackingIdsOf,
  type TraitUpdatePlan,
  type TraitWatch,
} from '../planning';
import type { RollupRepositories } from '../repositories';
import { applyAccountTraits, applyUserTraits } from './apply-traits';
import { resolveUsers } from './resolve-users';

export interface EventsToRollUp {
  workspaceId: string;
  /** The job id, or a job id with an event range when a batch is split around a poison event. */
  batchId: string;
  events: IngestEvent[];
  /** A backfill (IngestBatch.replay): clears the signals baseline, so the next scoring run sets it silently. */
  replay?: boolean;
}

export interface RollupOutcome {
  alreadyApplied: boolean;
  appliedEvents: number;
  /** Events whose messageId was seen in the last 24 h (or earlier in the batch). */
  duplicateEvents: number;
  /** New signals stored (trait_changed), with their deliveries rows: the worker wakes the delivery when > 0. */
  signals: number;
}

/** Applies a batch through repositories bound to one transaction; the caller commits. */
export async function rollupEvents(repos: RollupRepositories, input: EventsToRollUp): Promise<RollupOutcome> {
  const { workspaceId, batchId } = input;
  if (!(await repos.batches.claim(workspaceId, batchId, input.events.length))) {
    return { alreadyApplied: true, appliedEvents: 0, duplicateEvents: 0, signals: 0 };
  }
  if (input.replay === true) await repos.signalBaseline.clear(workspaceId);
  const unique = firstOfEachMessage(input.events);
  const fresh = await repos.batches.markSeen(workspaceId, unique.map((event) => event.messageId).sort());
  const events = unique.filter((event) => fresh.has(event.messageId));

  const userIdOf = await resolveUsers(repos, workspaceId, planIdentities(events));
  const trackingIds = trackingIdsOf(events);
  const accountIdOf = trackingIds.length > 0 ? await repos.accounts.ensureAccounts(workspaceId, trackingIds) : new Map<string, string>();
  const traits = planTraitUpdates(events);
  const watch = await traitWatch(repos, workspaceId, traits);
  const signals = [
    ...(await applyUserTraits(repos, workspaceId, traits.users, userIdOf, watch)),
    ...(await applyAccountTraits(repos, workspaceId, traits.accounts, accountIdOf, watch)),
  ];
  const stored = signals.length === 0 ? 0 : await repos.signals.record(workspaceId, signals);
  await repos.memberships.addMemberships(workspaceId, planMemberships(events, userIdOf, accountIdOf));
  await repos.dailyCounts.addCounts(workspaceId, planDailyCounts(events, userIdOf, accountIdOf));
  return { alreadyApplied: false, appliedEvents: events.length, duplicateEvents: input.events.length - events.length, signals: stored };
}

/** Read only for a batch with trait updates; null (silent) before the workspace's baseline or without watched traits. */
async function traitWatch(repos: RollupRepositories, workspaceId: string, traits: TraitUpdatePlan): Promise<TraitWatch | null> {
  if (traits.users.length + traits.accounts.length === 0) return null;
  const baseline = await repos.signalBaseline.read(workspaceId);
  if (baseline === null || baseline.baselineAt === null || baseline.watchedTraits.length === 0) return null;
  return { workspaceId, watched: baseline.watchedTraits, baselineAt: baseline.baselineAt };
}
