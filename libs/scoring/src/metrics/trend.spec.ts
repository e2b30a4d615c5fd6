import { trendOf } from './trend';

describe('trendOf', () => {
  it.each([
    [10, 'hot'],
    [25.3, 'hot'],
    [9.9, 'steady'],
    [0, 'steady'],
    [-9.9, 'steady'],
    [-10, 'cold'],
    [-40, 'cold'],
  ] as const)('calls a change of %p %s', (change, trend) => {
    expect(trendOf(change)).toBe(trend);
  });

  it('is steady while there is no change yet', () => {
    expect(trendOf(null)).toBe('steady');
  });
});
