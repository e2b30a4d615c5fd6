import { rawScore } from './raw-score';

describe('rawScore', () => {
  const weights = new Map([['a', 9], ['b', 7], ['c', 5], ['d', 3], ['e', 1]]);

  it("gives the anchor's worked example: 187", () => {
    expect(rawScore({ a: 3, b: 5, c: 10, d: 20, e: 15 }, weights)).toBe(187);
    expect(rawScore(new Map([['a', 3], ['b', 5], ['c', 10], ['d', 20], ['e', 15]]), weights)).toBe(187);
  });

  it('ignores unweighted events unless a default weight is given', () => {
    expect(rawScore({ a: 1, other: 10 }, weights)).toBe(9);
    expect(rawScore({ a: 1, other: 10 }, weights, 1)).toBe(19);
    expect(rawScore({ x: 4, y: 6 }, new Map(), 1)).toBe(10);
  });
});
