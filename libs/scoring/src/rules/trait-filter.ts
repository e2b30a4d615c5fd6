import type { RuleNode } from './rule-ast';
import { asFieldValue, matchesRule, type RuleFieldValue } from './rule-evaluator';
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

/** Blank text means "no filter" (null); otherwise throws RuleParseError with a position. */
export function parseTraitFilter(text: string | null | undefined): TraitFilter | null {
  if (text === null || text === undefined || text.trim() === '') return null;
  return { source: text, rule: parseRule(text) };
}

/**
 * `user.x` and `account.x` read that side's traits; a bare `x` reads the user's trait, else
 * the account's. A missing trait makes the comparison unknown, so the subject is left out.
 */
export function matchesTraitFilter(filter: TraitFilter | null, subject: TraitSubject): boolean {
  if (filter === null) return true;
  return matchesRule(filter.rule, (field) => traitValue(field, subject));
}

function traitValue(field: string, subject: TraitSubject): RuleFieldValue {
  if (field.startsWith('user.')) return ownTrait(subject.user, field.slice('user.'.length));
  if (field.startsWith('account.')) return ownTrait(subject.account, field.slice('account.'.length));
  return ownTrait(subject.user, field) ?? ownTrait(subject.account, field);
}

function ownTrait(traits: Traits | undefined, key: string): RuleFieldValue {
  if (traits === undefined || !Object.prototype.hasOwnProperty.call(traits, key)) return undefined;
  return asFieldValue(traits[key]);
}
