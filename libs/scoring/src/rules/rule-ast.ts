export type CompareOperator = '=' | '!=' | '<' | '<=' | '>' | '>=';

/**
 * `now`, `now + 7d`, `now - 12h`: an instant relative to the evaluation's `now` (units d and h).
 * `text` is the literal as written: a bare `now` compared with a value that is not a date
 * compares as the text `now`, as it did before relative dates existed.
 */
export interface RelativeDate {
  readonly type: 'relative_date';
  readonly offsetMs: number;
  readonly text: string;
}

/** A literal as written: number tokens stay numbers, quoted and bare words are strings, `now ...` relative dates. */
export type RuleLiteral = number | string | RelativeDate;

export type RuleNode =
  | { readonly type: 'and'; readonly left: RuleNode; readonly right: RuleNode }
  | { readonly type: 'or'; readonly left: RuleNode; readonly right: RuleNode }
  | { readonly type: 'not'; readonly operand: RuleNode }
  | { readonly type: 'compare'; readonly field: string; readonly operator: CompareOperator; readonly value: RuleLiteral }
  | { readonly type: 'in'; readonly field: string; readonly values: readonly RuleLiteral[] };

/** Field names a rule reads, for validating it against the fields a workspace knows. */
export function ruleFields(node: RuleNode): string[] {
  switch (node.type) {
    case 'and':
    case 'or':
      return [...new Set([...ruleFields(node.left), ...ruleFields(node.right)])];
    case 'not':
      return ruleFields(node.operand);
    default:
      return [node.field];
  }
}
