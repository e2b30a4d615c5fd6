export const MIN_SCORE = 1;
export const MAX_SCORE = 100;

export type NormalizationMethod = 'exponential' | 'winsorized';

/**
 * 1 + 99 * (1 - e^(-ln10 * raw / B)), one decimal: 0 -> 1, B -> 90.1, 2B -> 99.0.
 * raw <= 0 or B <= 0 (nobody active) -> 1.
 */
export function engagementScore(raw: number, b: number): number {
  if (raw <= 0 || b <= 0) return MIN_SCORE;
  return roundToTenth(MIN_SCORE + 99 * (1 - Math.exp((-Math.LN10 * raw) / b)));
}

/**
 * The older variant: min(100, 100 * raw / B), one decimal. Floored at 1 (raw 0 -> 1) so both
 * methods share the 1..100 range and segment thresholds mean the same under either.
 */
export function winsorizedScore(raw: number, b: number): number {
  if (raw <= 0 || b <= 0) return MIN_SCORE;
  return roundToTenth(Math.max(MIN_SCORE, Math.min(MAX_SCORE, (100 * raw) / b)));
}

export function scoreWith(method: NormalizationMethod, raw: number, b: number): number {
  return method === 'winsorized' ? winsorizedScore(raw, b) : engagementScore(raw, b);
}

/** engagement_score_change; null when there is no previous period to compare with. */
export function scoreChange(current: number, previous: number | null | undefined): number | null {
  if (previous === null || previous === undefined) return null;
  return roundToTenth(current - previous);
}

/** Half away from zero; the epsilon keeps 90.05-style float artefacts from rounding down. */
export function roundToTenth(value: number): number {
  const rounded = (Math.sign(value) * Math.round(Math.abs(value) * 10 + 1e-9)) / 10;
  return rounded === 0 ? 0 : rounded; // no -0 in stored rows or JSON
}

/** Each method's formula as published in the README and served with every explanation. */
export const NORMALIZATION_FORMULAS: Record<NormalizationMethod, string> = {
  exponential: 'engagement_score = round(1 + 99 * (1 - exp(-ln(10) * raw_score / p90)), 1); 1 when raw_score or p90 is 0',
  winsorized: 'engagement_score = round(max(1, min(100, 100 * raw_score / p90)), 1); 1 when raw_score or p90 is 0',
};
