import type { SqlClient } from '@coil/database';
import { ScoringProfileRepository } from '@coil/settings';
import { ProfileResolver } from '../profiles/profile-resolver';
import { ScoreExplainer } from './score-explainer';
import { ScoreExplanationRepository } from './score-explanation.repository';

/** The explainer over a pool, for the CLI (the api wires the same from its providers). */
export function createScoreExplainer(db: SqlClient, now: () => Date = () => new Date()): ScoreExplainer {
  return new ScoreExplainer(new ScoreExplanationRepository(db), new ProfileResolver(new ScoringProfileRepository(db)), now);
}
