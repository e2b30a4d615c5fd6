import type { IngestEvent } from '@coil/domain';
import { DisjointSets } from './disjoint-sets';
import { subjectId } from './events';

/** External ids that this batch says are one person. */
export interface IdentityGroup {
  /** Sorted. */
  ids: string[];
  /** The id a new person is created under: the userId of the group's latest link, else its first id. */
  preferredId: string;
  /** True when one of the ids was sent as a userId; anonymous-only people do not score. */
  identified: boolean;
}

export interface IdentityPlan {
  /** Every external id the batch names, sorted (the order their rows are locked in). */
  ids: string[];
  groups: IdentityGroup[];
}

interface Link {
  userId: string;
  otherId: string;
  at: number;
}

// Only identify (userId + anonymousId) and alias tie two ids together; a track carrying both
// counts for its userId alone (docs/ingest.md, "Semantics": an alias or identify ties the anonymousId).
function linkOf(event: IngestEvent): Link | undefined {
  const at = Date.parse(event.timestamp);
  if (event.type === 'alias' && event.userId && event.previousId && event.previousId !== event.userId) {
    return { userId: event.userId, otherId: event.previousId, at };
  }
  if (event.type === 'identify' && event.userId && event.anonymousId && event.anonymousId !== event.userId) {
    return { userId: event.userId, otherId: event.anonymousId, at };
  }
  return undefined;
}

function latestLinkByRoot(sets: DisjointSets, links: Link[]): Map<string, Link> {
  const latest = new Map<string, Link>();
  for (const link of links) {
    const root = sets.root(link.userId);
    const known = latest.get(root);
    if (known === undefined || link.at >= known.at) latest.set(root, link);
  }
  return latest;
}

export function planIdentities(events: IngestEvent[]): IdentityPlan {
  const sets = new DisjointSets();
  const userIds = new Set<string>();
  const links: Link[] = [];
  for (const event of events) {
    const subject = subjectId(event);
    if (subject !== undefined) sets.add(subject);
    if (event.userId) userIds.add(event.userId);
    const link = linkOf(event);
    if (link === undefined) continue;
    sets.union(link.otherId, link.userId);
    links.push(link);
  }
  const latest = latestLinkByRoot(sets, links);
  const groups: IdentityGroup[] = [];
  for (const [root, ids] of sets.groups()) {
    groups.push({
      ids,
      preferredId: latest.get(root)?.userId ?? ids.find((id) => userIds.has(id)) ?? ids[0],
      identified: ids.some((id) => userIds.has(id)),
    });
  }
  return { ids: groups.flatMap((group) => group.ids).sort(), groups };
}
