import type { FeatureWeight } from '../weights/resolve-event-weights';
import type { ActivationChecklist } from './activation-checklist';

/** One event counting toward a step, by the step's position in the checklist. */
export interface ActivationStepEvent {
  readonly step: number;
  readonly event: string;
}

/**
 * The events whose counts add up toward each step: an event step's own event, or every event of
 * the feature. A step naming a feature that does not exist (any more) has none: it is never done.
 */
export function activationStepEvents(
  checklist: ActivationChecklist,
  features: readonly Pick<FeatureWeight, 'name' | 'events'>[],
): ActivationStepEvent[] {
  const eventsOf = new Map(features.map((feature) => [feature.name, feature.events]));
  return checklist.steps.flatMap((step, index) => {
    const events = step.kind === 'event' ? [step.name] : (eventsOf.get(step.name) ?? []);
    return events.map((event) => ({ step: index, event }));
  });
}
