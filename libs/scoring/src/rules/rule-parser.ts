import type { CompareOperator, RelativeDate, RuleLiteral, RuleNode } from './rule-ast';
import { type RuleToken, tokenizeRule } from './rule-lexer';
import { RuleParseError } from './rule-parse-error';

const COMPARE_OPERATORS: readonly CompareOperator[] = ['=', '!=', '<', '<=', '>', '>='];
const KEYWORDS = new Set(['and', 'or', 'not', 'in']);
/** Deep enough for any hand-written rule; stops hostile input from exhausting the stack. */
const MAX_NESTING = 50;
const MS_PER_UNIT: Readonly<Record<string, number>> = { d: 86_400_000, h: 3_600_000 };

/**
 * Parses `a = 1 AND (b < 2 OR NOT c IN (x, 'y z'))` into an AST, once; evaluate many times.
 * Precedence: NOT over AND over OR. Keywords are case-insensitive; field names are not.
 */
export function parseRule(text: string): RuleNode {
  const parser = new RuleParser(tokenizeRule(text));
  const node = parser.parseOr(0);
  parser.expectEnd();
  return node;
}

class RuleParser {
  private index = 0;

  constructor(private readonly tokens: readonly RuleToken[]) {}

  parseOr(depth: number): RuleNode {
    let node = this.parseAnd(depth);
    while (this.takeKeyword('or')) node = { type: 'or', left: node, right: this.parseAnd(depth) };
    return node;
  }

  expectEnd(): void {
    const token = this.peek();
    if (token.kind !== 'end') throw this.unexpected(token, 'AND, OR or end of rule');
  }

  private parseAnd(depth: number): RuleNode {
    let node = this.parseUnary(depth);
    while (this.takeKeyword('and')) node = { type: 'and', left: node, right: this.parseUnary(depth) };
    return node;
  }

  private parseUnary(depth: number): RuleNode {
    if (depth > MAX_NESTING) throw new RuleParseError(`Nested deeper than ${MAX_NESTING} levels`, this.peek().position);
    if (this.takeKeyword('not')) return { type: 'not', operand: this.parseUnary(depth + 1) };
    if (this.peek().kind !== '(') return this.parseCondition();
    this.index++;
    const node = this.parseOr(depth + 1);
    this.expect(')', "')'");
    return node;
  }

  private parseCondition(): RuleNode {
    const fieldToken = this.peek();
    if (fieldToken.kind !== 'word' || isKeyword(fieldToken)) throw this.unexpected(fieldToken, 'a field name');
    this.index++;
    const field = fieldToken.text;
    if (this.takeKeyword('in')) return { type: 'in', field, values: this.parseList() };
    if (this.takeKeyword('not')) {
      if (!this.takeKeyword('in')) throw this.unexpected(this.peek(), 'IN');
      return { type: 'not', operand: { type: 'in', field, values: this.parseList() } };
    }
    const operatorToken = this.expect('operator', 'a comparison operator (= != < <= > >=)');
    const operator = COMPARE_OPERATORS.find((candidate) => candidate === operatorToken.text);
    if (operator === undefined) throw this.unexpected(operatorToken, 'a comparison operator (= != < <= > >=)');
    return { type: 'compare', field, operator, value: this.parseLiteral() };
  }

  private parseList(): RuleLiteral[] {
    this.expect('(', "'(' to start a list");
    const values = [this.parseLiteral()];
    while (this.peek().kind === ',') {
      this.index++;
      values.push(this.parseLiteral());
    }
    this.expect(')', "',' or ')'");
    return values;
  }

  private parseLiteral(): RuleLiteral {
    const token = this.peek();
    if (token.kind === 'number') {
      this.index++;
      return Number(token.text);
    }
    if (token.kind === 'relative' || (token.kind === 'word' && token.text.toLowerCase() === 'now')) {
      this.index++;
      return relativeDate(token.text);
    }
    if (token.kind === 'string' || (token.kind === 'word' && !isKeyword(token))) {
      this.index++;
      return token.text;
    }
    throw this.unexpected(token, 'a value (number, quoted or bare string)');
  }

  private expect(kind: RuleToken['kind'], description: string): RuleToken {
    const token = this.peek();
    if (token.kind !== kind) throw this.unexpected(token, description);
    this.index++;
    return token;
  }

  private takeKeyword(keyword: string): boolean {
    const token = this.peek();
    if (token.kind !== 'word' || token.text.toLowerCase() !== keyword) return false;
    this.index++;
    return true;
  }

  private peek(): RuleToken {
    return this.tokens[this.index];
  }

  private unexpected(token: RuleToken, expected: string): RuleParseError {
    const found = token.kind === 'end' ? 'end of rule' : `'${token.text}'`;
    return new RuleParseError(`Expected ${expected}, found ${found}`, token.position);
  }
}

/** `now` or `now + 7d` / `now - 12h` as the lexer matched it. */
function relativeDate(text: string): RelativeDate {
  const offset = /([+-])\s*(\d+)([dh])$/i.exec(text);
  if (offset === null) return { type: 'relative_date', offsetMs: 0, text };
  const sign = offset[1] === '-' ? -1 : 1;
  return { type: 'relative_date', offsetMs: sign * Number(offset[2]) * MS_PER_UNIT[offset[3].toLowerCase()], text };
}

function isKeyword(token: RuleToken): boolean {
  return token.kind === 'word' && KEYWORDS.has(token.text.toLowerCase());
}
