import type { ActivationStep } from './activation-checklist';

/** The prefix that makes a checklist step a feature rather than an event. */
export const FEATURE_STEP_PREFIX = 'feature:';

/**
 * A step written as `activation set --steps` takes it, and as `completed` / `missing` list it:
 * `Report_Created`, `Invite Sent>=3`, `feature:Reports`, `feature:Reports>=2` (a minimum of 1 is not written).
 */
export function activationStepLabel(step: ActivationStep): string {
  const name = step.kind === 'feature' ? `${FEATURE_STEP_PREFIX}${step.name}` : step.name;
  return step.minCount === 1 ? name : `${name}>=${step.minCount}`;
}
