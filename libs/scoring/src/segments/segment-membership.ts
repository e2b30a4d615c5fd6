import type { RuleNode } from '../rules/rule-ast';
import { matchesRule, type RuleFieldLookup } from '../rules/rule-evaluator';

export interface ParsedSegment<Id> {
  readonly id: Id;
  readonly rule: RuleNode;
}

/** Ids of the segments whose rule the account definitely matches at `now`, in the given order. */
export function matchingSegments<Id>(segments: readonly ParsedSegment<Id>[], lookup: RuleFieldLookup, now: Date): Id[] {
  return segments.filter((segment) => matchesRule(segment.rule, lookup, now)).map((segment) => segment.id);
}

export interface MembershipDiff<Id> {
  readonly entered: Id[];
  readonly left: Id[];
  /** When the change is recorded: entered_at / left_at. */
  readonly at: Date;
}

/**
 * Who entered and who left a segment between two runs. Ids compare by value (Set
 * semantics): use one id type for both lists (e.g. both bigint or both string).
 */
export function diffMembership<Id>(previousMemberIds: Iterable<Id>, currentMemberIds: Iterable<Id>, now: Date): MembershipDiff<Id> {
  const previous = new Set(previousMemberIds);
  const current = new Set(currentMemberIds);
  return {
    entered: [...current].filter((id) => !previous.has(id)),
    left: [...previous].filter((id) => !current.has(id)),
    at: now,
  };
}
