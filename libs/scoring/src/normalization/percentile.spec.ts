import { benchmark } from './benchmark';
import { percentile, percentile90 } from './percentile';

const ANCHOR_RAWS = [475, 89, 101, 7, 3, 21, 2, 149, 223, 1, 13, 9, 37];

describe('percentile', () => {
  it("gives the anchor's benchmark 208.2", () => {
    expect(percentile90(ANCHOR_RAWS)).toBeCloseTo(208.2, 10);
  });

  it('interpolates linearly like numpy', () => {
    expect(percentile([1, 2, 3, 4], 50)).toBe(2.5);
    expect(percentile([10, 20], 90)).toBe(19);
    expect(percentile([5], 90)).toBe(5);
    expect(percentile([3, 1, 2], 0)).toBe(1);
    expect(percentile([3, 1, 2], 100)).toBe(3);
  });

  it('refuses empty input and out-of-range p', () => {
    expect(() => percentile([], 90)).toThrow(RangeError);
    expect(() => percentile([1], 101)).toThrow(RangeError);
  });
});

describe('benchmark', () => {
  it('uses only accounts with raw > 0', () => {
    expect(benchmark([0, 0, ...ANCHOR_RAWS, 0])).toBeCloseTo(208.2, 10);
  });

  it('falls back to the largest raw with fewer than two active accounts', () => {
    expect(benchmark([0, 42, 0])).toBe(42);
    expect(benchmark([0, 0])).toBe(0);
    expect(benchmark([])).toBe(0);
  });
});
