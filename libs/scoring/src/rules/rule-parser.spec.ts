import { ruleFields } from './rule-ast';
import { parseRule } from './rule-parser';
import { RuleParseError } from './rule-parse-error';

describe('parseRule', () => {
  it('parses comparisons joined with AND/OR, NOT binding tightest', () => {
    expect(parseRule('a = 1 OR b = x AND NOT c >= -2.5')).toEqual({
      type: 'or',
      left: { type: 'compare', field: 'a', operator: '=', value: 1 },
      right: {
        type: 'and',
        left: { type: 'compare', field: 'b', operator: '=', value: 'x' },
        right: { type: 'not', operand: { type: 'compare', field: 'c', operator: '>=', value: -2.5 } },
      },
    });
  });

  it('parses parentheses, quoted strings, IN and NOT IN, keywords in any case', () => {
    expect(parseRule('(role in (admin, \'team owner\')) and plan not in ("free")')).toEqual({
      type: 'and',
      left: { type: 'in', field: 'role', values: ['admin', 'team owner'] },
      right: { type: 'not', operand: { type: 'in', field: 'plan', values: ['free'] } },
    });
    expect(parseRule("name = 'it\\'s'")).toEqual({ type: 'compare', field: 'name', operator: '=', value: "it's" });
  });

  it('parses now and now +/- N days or hours as relative dates, keeping a field named now', () => {
    const relative = (text: string, offsetMs: number) => ({ type: 'relative_date', offsetMs, text });
    expect(parseRule('trial_end < now + 7d')).toEqual({
      type: 'compare',
      field: 'trial_end',
      operator: '<',
      value: relative('now + 7d', 604_800_000),
    });
    expect(parseRule('a > now - 30d')).toMatchObject({ value: relative('now - 30d', -2_592_000_000) });
    expect(parseRule('a in (now, NOW+12h, now-1d)')).toEqual({
      type: 'in',
      field: 'a',
      values: [relative('now', 0), relative('NOW+12h', 43_200_000), relative('now-1d', -86_400_000)],
    });
    expect(parseRule('now = 1')).toEqual({ type: 'compare', field: 'now', operator: '=', value: 1 });
    expect(parseRule('a = nowhere')).toEqual({ type: 'compare', field: 'a', operator: '=', value: 'nowhere' });
    expect(parseRule('a = now-30days')).toEqual({ type: 'compare', field: 'a', operator: '=', value: 'now-30days' });
  });

  it('lists the fields a rule reads', () => {
    expect(ruleFields(parseRule('a < 1 AND (b = 2 OR a > 0)'))).toEqual(['a', 'b']);
  });

  it.each([
    ['', 0, 'Expected a field name, found end of rule'],
    ['engagement_score <', 18, 'Expected a value (number, quoted or bare string), found end of rule'],
    ['engagement_score 30', 17, "Expected a comparison operator (= != < <= > >=), found '30'"],
    ['a = 1 AND', 9, 'Expected a field name, found end of rule'],
    ['(a = 1', 6, "Expected ')', found end of rule"],
    ['a = 1 b = 2', 6, "Expected AND, OR or end of rule, found 'b'"],
    ["plan = 'paid", 7, 'Unterminated string'],
    ['a = 1 & b = 2', 6, "Unexpected character '&'"],
    ['role in admin', 8, "Expected '(' to start a list, found 'admin'"],
    ['a < now + 7w', 8, "Unexpected character '+'"],
    ['now + 7d = 1', 0, "Expected a field name, found 'now + 7d'"],
  ])('reports %p at position %p', (text, position, reason) => {
    try {
      parseRule(text);
      throw new Error('parsed');
    } catch (error) {
      expect(error).toBeInstanceOf(RuleParseError);
      expect(error).toMatchObject({ position, reason, message: `${reason} at position ${position}` });
    }
  });

  it('refuses absurd nesting instead of overflowing the stack', () => {
    expect(() => parseRule(`${'('.repeat(500)}a = 1${')'.repeat(500)}`)).toThrow(/Nested deeper/);
  });
});
