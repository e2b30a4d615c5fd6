import { evaluateRule, matchesRule, recordLookup } from './rule-evaluator';
import { parseRule } from './rule-parser';

const now = new Date('2025-09-21T08:00:00Z');
const record = recordLookup({ score: 42, plan: 'trial', seats: '12', beta: true, owner: null, tags: ['x'] });
const evaluate = (rule: string): boolean | null => evaluateRule(parseRule(rule), record, now);

describe('evaluateRule', () => {
  it('compares numbers and strings', () => {
    expect(evaluate('score >= 42 AND score < 43 AND score != 1')).toBe(true);
    expect(evaluate('plan = trial')).toBe(true);
    expect(evaluate("plan = 'Trial'")).toBe(false);
    expect(evaluate('seats > 10')).toBe(true);
    expect(evaluate('beta = true')).toBe(true);
    expect(evaluate('plan in (paid, trial)')).toBe(true);
    expect(evaluate('plan not in (paid, trial)')).toBe(false);
  });

  it('treats missing, null and non-scalar fields as unknown (three-valued logic)', () => {
    expect(evaluate('missing = 1')).toBeNull();
    expect(evaluate('NOT missing = 1')).toBeNull();
    expect(evaluate('owner = x')).toBeNull();
    expect(evaluate('tags = x')).toBeNull();
    expect(evaluate('plan = paid AND missing = 1')).toBe(false);
    expect(evaluate('plan = trial OR missing = 1')).toBe(true);
    expect(evaluate('plan = trial AND missing = 1')).toBeNull();
    expect(evaluate('plan > 5')).toBeNull();
    expect(matchesRule(parseRule('NOT missing = 1'), record, now)).toBe(false);
  });

  it('does not read inherited keys', () => {
    expect(evaluate("constructor = 'x'")).toBeNull();
  });
});
