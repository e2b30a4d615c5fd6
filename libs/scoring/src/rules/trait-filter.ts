import type { TraitTypes } from '../traits/trait-data-type';
import { typedTrait } from '../traits/trait-value';
import type { RuleNode } from './rule-ast';
import { matchesRule, type RuleFieldValue } from './rule-evaluator';
import { parseRule } from './rule-parser';

export type Traits = Readonly<Record<string, unknown>>;

/** A scoring profile's filter, e.g. `plan = paid` or `user.role in (admin, owner)`. */
export interface TraitFilter {
  readonly source: string;
  readonly rule: RuleNode;
}

export interface TraitSubject {
  readonly user?: Traits;
  readonly account?: Traits;
}

/** What judging traits needs besides the traits: the workspace's trait types and the run's instant. */
export interface TraitRuleContext {
  readonly traitTypes: TraitTypes;
  /** What relative dates (`now - 30d`) count from. */
  readonly now: Date;
}

/** Blank text means "no filter" (null); otherwise throws RuleParseError with a position. */
export function parseTraitFilter(text: string | null | undefined): TraitFilter | null {
  if (text === null || text === undefined || text.trim() === '') return null;
  return { source: text, rule: parseRule(text) };
}

/**
 * `user.x` and `account.x` read that side's traits; a bare `x` reads the user's trait, else
 * the account's. Values are read as the key's type. A missing trait, or one that does not
 * parse as its type, makes the comparison unknown, so the subject is left out.
 */
export function matchesTraitFilter(filter: TraitFilter | null, subject: TraitSubject, context: TraitRuleContext): boolean {
  if (filter === null) return true;
  return matchesRule(filter.rule, (field) => traitValue(field, subject, context.traitTypes), context.now);
}

function traitValue(field: string, subject: TraitSubject, types: TraitTypes): RuleFieldValue {
  if (field.startsWith('user.')) return typedTrait(subject.user, field.slice('user.'.length), types);
  if (field.startsWith('account.')) return typedTrait(subject.account, field.slice('account.'.length), types);
  return typedTrait(subject.user, field, types) ?? typedTrait(subject.account, field, types);
}
