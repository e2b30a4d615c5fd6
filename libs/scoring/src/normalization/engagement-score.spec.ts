import { engagementScore, roundToTenth, scoreChange, winsorizedScore } from './engagement-score';

const B = 208.2;

describe('engagementScore', () => {
  it.each([
    [475, 99.5],
    [89, 63.0],
    [101, 67.6],
    [7, 8.4],
    [3, 4.2],
    [21, 21.5],
    [2, 3.2],
    [149, 80.9],
    [223, 91.6],
    [1, 2.1],
    [13, 14.3],
    [9, 10.4],
    [37, 34.2],
  ])('scores the anchor raw %p as %p', (raw, score) => {
    expect(engagementScore(raw, B)).toBe(score);
  });

  it('maps B to 90.1, 2B to 99.0 and 0 to 1', () => {
    expect(engagementScore(B, B)).toBe(90.1);
    expect(engagementScore(2 * B, B)).toBe(99.0);
    expect(engagementScore(0, B)).toBe(1);
    expect(engagementScore(5, 0)).toBe(1);
  });
});

describe('winsorizedScore', () => {
  it('is 100 * raw / B capped at 100 and floored at 1', () => {
    expect(winsorizedScore(104.1, B)).toBe(50);
    expect(winsorizedScore(500, B)).toBe(100);
    expect(winsorizedScore(0, B)).toBe(1);
    expect(winsorizedScore(0.5, B)).toBe(1);
  });
});

describe('scoreChange', () => {
  it('is current minus previous, null without a previous period', () => {
    expect(scoreChange(54.2, 72.7)).toBe(-18.5);
    expect(scoreChange(54.2, null)).toBeNull();
    expect(roundToTenth(-0.04)).toBe(0);
  });
});
