/** Where a scoring run is: `done` of `total` steps (two per profile, then the segments). */
export interface ScoringProgress {
  readonly step: 'score' | 'write' | 'segments';
  readonly profile: string | null;
  readonly done: number;
  readonly total: number;
}

export type ScoringProgressListener = (progress: ScoringProgress) => void;

/** Reports one step done. */
export type ScoringStep = (step: ScoringProgress['step'], profile?: string | null) => void;

/** Counts steps for a run over `profiles` profiles and reports each one. */
export function progressCounter(profiles: number, listener: ScoringProgressListener = () => undefined): ScoringStep {
  const total = profiles * 2 + 1;
  let done = 0;
  return (step: ScoringProgress['step'], profile: string | null = null): void => {
    done += 1;
    listener({ step, profile, done, total });
  };
}
