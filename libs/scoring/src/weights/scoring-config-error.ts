/** One problem found in a scoring configuration; all problems are reported at once. */
export interface ScoringConfigProblem {
  readonly code: 'invalid_weight' | 'event_in_several_features' | 'invalid_window' | 'empty_event_name';
  readonly message: string;
  readonly subject: string;
}

/**
 * Bad scoring configuration (weights, features, windows). Its own type so the library stays
 * free of HTTP concerns; the API maps it to 400 `invalid_parameter` with `problems` as details.
 */
export class ScoringConfigError extends Error {
  constructor(readonly problems: readonly ScoringConfigProblem[]) {
    super(problems.map((problem) => problem.message).join('; '));
    this.name = 'ScoringConfigError';
  }
}
