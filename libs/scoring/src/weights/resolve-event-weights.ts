import { ScoringConfigError, type ScoringConfigProblem } from './scoring-config-error';
import { MAX_EVENT_WEIGHT, MIN_EVENT_WEIGHT } from './event-weighting';

export interface FeatureWeight {
  readonly name: string;
  readonly weight: number;
  readonly events: readonly string[];
}

export interface WeightConfig {
  readonly features: readonly FeatureWeight[];
  readonly directWeights: Readonly<Record<string, number>>;
}

/**
 * Event -> weight for a profile. A feature's weight applies to each of its events; a direct
 * weight wins over the feature's. Throws ScoringConfigError listing every problem found.
 */
export function resolveEventWeights(config: WeightConfig): Map<string, number> {
  const problems = findWeightProblems(config);
  if (problems.length > 0) throw new ScoringConfigError(problems);
  const weights = new Map<string, number>();
  for (const feature of config.features) {
    for (const event of feature.events) weights.set(event, feature.weight);
  }
  for (const [event, weight] of Object.entries(config.directWeights)) weights.set(event, weight);
  return weights;
}

export function isValidWeight(weight: number): boolean {
  return Number.isInteger(weight) && weight >= MIN_EVENT_WEIGHT && weight <= MAX_EVENT_WEIGHT;
}

export function findWeightProblems(config: WeightConfig): ScoringConfigProblem[] {
  const problems: ScoringConfigProblem[] = [];
  const featureOfEvent = new Map<string, string>();
  for (const feature of config.features) {
    if (!isValidWeight(feature.weight)) problems.push(weightProblem(`feature "${feature.name}"`, feature.weight));
    for (const event of feature.events) {
      if (event.trim() === '') problems.push(emptyEventProblem(`feature "${feature.name}"`));
      const owner = featureOfEvent.get(event);
      if (owner !== undefined && owner !== feature.name) {
        problems.push({
          code: 'event_in_several_features',
          subject: event,
          message: `event "${event}" belongs to features "${owner}" and "${feature.name}"; an event belongs to at most one feature`,
        });
      }
      featureOfEvent.set(event, feature.name);
    }
  }
  for (const [event, weight] of Object.entries(config.directWeights)) {
    if (event.trim() === '') problems.push(emptyEventProblem('direct weights'));
    if (!isValidWeight(weight)) problems.push(weightProblem(`event "${event}"`, weight));
  }
  return problems;
}

function weightProblem(subject: string, weight: number): ScoringConfigProblem {
  return {
    code: 'invalid_weight',
    subject,
    message: `weight of ${subject} must be an integer from ${MIN_EVENT_WEIGHT} to ${MAX_EVENT_WEIGHT}, got ${weight}`,
  };
}

function emptyEventProblem(subject: string): ScoringConfigProblem {
  return { code: 'empty_event_name', subject, message: `${subject} lists an empty event name` };
}
