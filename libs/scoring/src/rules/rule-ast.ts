export type CompareOperator = '=' | '!=' | '<' | '<=' | '>' | '>=';

/** A literal as written: number tokens stay numbers, quoted and bare words are strings. */
export type RuleLiteral = number | string;

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
