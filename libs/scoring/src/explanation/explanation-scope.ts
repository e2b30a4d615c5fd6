import { matchesTraitFilter, type TraitFilter, type TraitRuleContext, type Traits } from '../rules/trait-filter';
import type { EventTally } from './explain-score';
import type { FilterApplied } from './score-explanation';

export interface ExplainedSubject {
  readonly type: 'account' | 'user';
  readonly traits: Traits;
  /** An account's users, a user's accounts. */
  readonly members: readonly { readonly id: string; readonly traits: Traits }[];
}

/** A tally of one member's events (an account's user); member null: counted whatever the filter (a user's own). */
export interface MemberTally extends EventTally {
  readonly member: string | null;
}

/**
 * The profile filter as the scoring run applies it (filterScope of @coil/scoring-pass) to one
 * subject: an account's events count per (user, account) pair that matches, and the account is
 * scored when it matches alone or with one of its users; a user is scored when it matches alone
 * or with one of its accounts, and then all its events count.
 */
export function scopeTallies(
  filter: TraitFilter | null,
  subject: ExplainedSubject,
  tallies: readonly MemberTally[],
  context: TraitRuleContext,
): { tallies: EventTally[]; filter: FilterApplied | null } {
  if (filter === null) return { tallies: sumByEvent(tallies), filter: null };
  const matches = (traits: { user?: Traits; account?: Traits }) => matchesTraitFilter(filter, traits, context);
  if (subject.type === 'user') {
    const inScope =
      matches({ user: subject.traits }) || subject.members.some((account) => matches({ user: subject.traits, account: account.traits }));
    return { tallies: sumByEvent(tallies), filter: { rule: filter.source, in_scope: inScope, excluded_members: 0 } };
  }
  const counted = new Set(subject.members.filter((user) => matches({ user: user.traits, account: subject.traits })).map((user) => user.id));
  const inScope = counted.size > 0 || matches({ account: subject.traits });
  return {
    tallies: sumByEvent(tallies.filter((tally) => tally.member === null || counted.has(tally.member))),
    filter: { rule: filter.source, in_scope: inScope, excluded_members: subject.members.length - counted.size },
  };
}

function sumByEvent(tallies: readonly MemberTally[]): EventTally[] {
  const byEvent = new Map<string, EventTally>();
  for (const { member: _member, ...tally } of tallies) {
    const seen = byEvent.get(tally.event);
    byEvent.set(
      tally.event,
      seen ? { ...seen, count: seen.count + tally.count, baselineCount: seen.baselineCount + tally.baselineCount } : tally,
    );
  }
  return [...byEvent.values()];
}
