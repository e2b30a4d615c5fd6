import { CoilError } from '@coil/domain';
import { activationStepLabel } from '@coil/scoring';
import { parseActivationSteps } from './activation-steps';

function failure(text: string): CoilError {
  try {
    parseActivationSteps(text);
  } catch (error) {
    if (error instanceof CoilError) return error;
    throw error;
  }
  throw new Error(`"${text}" parsed`);
}

describe('parseActivationSteps', () => {
  it('reads events, features and minimum counts in order, trimming names', () => {
    expect(parseActivationSteps(' Report_Created , Invite Sent >= 3,feature:Reports,feature: Exports>=2')).toEqual([
      { kind: 'event', name: 'Report_Created', minCount: 1 },
      { kind: 'event', name: 'Invite Sent', minCount: 3 },
      { kind: 'feature', name: 'Reports', minCount: 1 },
      { kind: 'feature', name: 'Exports', minCount: 2 },
    ]);
  });

  it('gives labels back in the syntax it reads, leaving out a minimum of 1', () => {
    const text = 'Report_Created,Invite Sent>=3,feature:Reports,feature:Exports>=2,Login>=1000000';
    expect(parseActivationSteps(text).map(activationStepLabel)).toEqual(text.split(','));
    expect(activationStepLabel({ kind: 'event', name: 'Login', minCount: 1 })).toBe('Login');
  });

  it.each([
    ['an empty text', '  ', /at least one activation step/],
    ['an empty step', 'A,,B', /step 2 \(""\): it is empty/],
    ['a trailing comma', 'A,B,', /step 3 \(""\): it is empty/],
    ['a count of 0', 'A>=0', /step 1 \("A>=0"\): the minimum count must be an integer from 1 to 1000000, got "0"/],
    ['a count above 1,000,000', 'A>=1000001', /got "1000001"/],
    ['a fractional count', 'A>=2.5', /got "2.5"/],
    ['a negative count', 'A>=-1', /got "-1"/],
    ['a missing count', 'A>=', /got ""/],
    ['a feature without a name', 'feature:', /step 1 \("feature:"\): it names no feature/],
    ['a count without an event', '>=2', /it names no event/],
    ['a name over 200 characters', `${'x'.repeat(201)}`, /longer than 200 characters/],
    ['the same event twice', 'A,B,A>=2', /step 3 \("A>=2"\): it repeats step 1 \(A\)/],
    ['the same feature twice', 'feature:F>=2, feature:F', /step 2 \("feature:F"\): it repeats step 1 \(feature:F>=2\)/],
  ])('refuses %s with a 400 naming the step', (_, text, message) => {
    const error = failure(text);
    expect(error).toMatchObject({ status: 'bad_request', code: 'invalid_parameter' });
    expect(error.message).toMatch(message);
  });

  it('puts the step, its position and the reason in the details', () => {
    expect(failure('A, B>=0').details).toEqual({
      parameter: 'steps',
      step: 'B>=0',
      position: 2,
      reason: 'the minimum count must be an integer from 1 to 1000000, got "0"',
    });
  });

  it('keeps an event and a feature of the same name apart', () => {
    expect(parseActivationSteps('Reports,feature:Reports')).toHaveLength(2);
  });

  it('takes 50 steps and refuses 51', () => {
    const steps = (count: number) => Array.from({ length: count }, (_, index) => `event_${index}`).join(',');
    expect(parseActivationSteps(steps(50))).toHaveLength(50);
    expect(failure(steps(51))).toMatchObject({ message: 'at most 50 activation steps, got 51', details: { steps: 51, limit: 50 } });
  });
});
