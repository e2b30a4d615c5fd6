import {
  accountActivationOf,
  activationOf,
  activationStepEvents,
  parseUtcDay,
  type Activation,
  type ActivationChecklist,
  type EntityId,
  type StepDoneDays,
} from '@coil/scoring';
import type { StepDone } from '../repositories/activation-progress.repository';
import type { ScoringReads } from '../repositories/scoring-repositories';

/** Every account's and user's activation in a run; the same for every profile (the checklist is the workspace's). */
export interface Activations {
  /** The workspace's checklist; null: none, every activation is null. */
  readonly checklist: ActivationChecklist | null;
  readonly ofAccount: (accountId: EntityId) => Activation | null;
  readonly ofUser: (userId: EntityId) => Activation | null;
}

export const NO_ACTIVATION: Activations = { checklist: null, ofAccount: () => null, ofUser: () => null };

type ActivationReads = Pick<ScoringReads, 'activationChecklists' | 'activationProgress' | 'subjects'> & {
  features: Pick<ScoringReads['features'], 'list'>;
};

/**
 * Reads the checklist and, when there is one, the done day of every (user, step) and (account,
 * step) of the workspace in two set-based queries; memberships too when the checklist requires
 * a number of activated users per account.
 */
export async function loadActivations(reads: ActivationReads, workspaceId: string): Promise<Activations> {
  const [checklist, features] = await Promise.all([reads.activationChecklists.get(workspaceId), reads.features.list(workspaceId)]);
  if (checklist === null) return NO_ACTIVATION;
  const query = {
    workspaceId,
    stepEvents: activationStepEvents(checklist, features),
    minCounts: checklist.steps.map((step) => step.minCount),
  };
  const [userDone, accountDone, memberships] = await Promise.all([
    reads.activationProgress.userDoneDays(query),
    reads.activationProgress.accountDoneDays(query),
    checklist.requiredUsers === null ? [] : reads.subjects.memberships(workspaceId),
  ]);
  return activationsFrom(checklist, doneDaysBySubject(userDone), doneDaysBySubject(accountDone), membersByAccount(memberships));
}

type DoneDays = ReadonlyMap<string, StepDoneDays>;

/**
 * Each subject's Activation is built once and shared by every profile's rows; equal activations
 * are one object (most subjects share a few), which keeps 100,000s of them off the heap.
 */
function activationsFrom(
  checklist: ActivationChecklist,
  userDone: DoneDays,
  accountDone: DoneDays,
  members: ReadonlyMap<string, readonly string[]>,
): Activations {
  const intern = interner();
  const ofUser = memoized((id) => intern(activationOf(checklist, userDone.get(id) ?? [])));
  const days = new Map<string, Date>();
  const userActivatedAt = (id: string): Date | null => {
    const text = ofUser(id).activated_at;
    if (text === null) return null;
    let day = days.get(text);
    if (day === undefined) days.set(text, (day = parseUtcDay(text)));
    return day;
  };
  const ofAccount = memoized((id) => {
    const users = (members.get(id) ?? []).filter((user) => userDone.has(user));
    return intern(accountActivationOf(checklist, accountDone.get(id) ?? [], users.map(userActivatedAt)));
  });
  return { checklist, ofAccount, ofUser };
}

function interner(): (activation: Activation) => Activation {
  const shared = new Map<string, Activation>();
  return (activation) => {
    const key = JSON.stringify(activation);
    const known = shared.get(key);
    if (known !== undefined) return known;
    shared.set(key, activation);
    return activation;
  };
}

function memoized(build: (id: string) => Activation): (id: EntityId) => Activation {
  const cache = new Map<string, Activation>();
  return (id) => {
    const key = String(id);
    let activation = cache.get(key);
    if (activation === undefined) cache.set(key, (activation = build(key)));
    return activation;
  };
}

function doneDaysBySubject(rows: readonly StepDone[]): Map<string, (Date | null)[]> {
  const bySubject = new Map<string, (Date | null)[]>();
  for (const row of rows) {
    let steps = bySubject.get(row.subjectId);
    if (steps === undefined) bySubject.set(row.subjectId, (steps = []));
    steps[row.step] = row.day;
  }
  return bySubject;
}

function membersByAccount(memberships: readonly { accountId: string; userId: string }[]): Map<string, string[]> {
  const members = new Map<string, string[]>();
  for (const { accountId, userId } of memberships) {
    const list = members.get(accountId);
    if (list === undefined) members.set(accountId, [userId]);
    else list.push(userId);
  }
  return members;
}
