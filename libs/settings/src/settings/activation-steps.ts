import { CoilError } from '@coil/domain';
import { activationStepLabel, FEATURE_STEP_PREFIX, type ActivationStep } from '@coil/scoring';

export const MAX_ACTIVATION_STEPS = 50;
export const MAX_STEP_MIN_COUNT = 1_000_000;
const MAX_STEP_NAME_LENGTH = 200;
const MIN_COUNT_MARK = '>=';

/**
 * `Report_Created,Invite Sent>=3,feature:Reports` -> the checklist's steps, in order: comma
 * separated, `feature:` names a feature, `>=N` a minimum count (default 1). Names are trimmed.
 * Whether a named feature exists is the service's question, not the text's.
 */
export function parseActivationSteps(text: string): ActivationStep[] {
  if (text.trim() === '') throw new CoilError('bad_request', 'invalid_parameter', 'give at least one activation step');
  const parts = text.split(',');
  if (parts.length > MAX_ACTIVATION_STEPS) {
    throw new CoilError('bad_request', 'invalid_parameter', `at most ${MAX_ACTIVATION_STEPS} activation steps, got ${parts.length}`, {
      steps: parts.length,
      limit: MAX_ACTIVATION_STEPS,
    });
  }
  const steps = parts.map((part, index) => parseStep(part.trim(), index + 1));
  rejectDuplicates(steps, parts);
  return steps;
}

function parseStep(text: string, position: number): ActivationStep {
  if (text === '') throw stepError(text, position, 'it is empty');
  const mark = text.lastIndexOf(MIN_COUNT_MARK);
  const named = mark === -1 ? text : text.slice(0, mark);
  const minCount = mark === -1 ? 1 : parseMinCount(text, position, text.slice(mark + MIN_COUNT_MARK.length).trim());
  const kind: ActivationStep['kind'] = named.startsWith(FEATURE_STEP_PREFIX) ? 'feature' : 'event';
  const name = (kind === 'feature' ? named.slice(FEATURE_STEP_PREFIX.length) : named).trim();
  if (name === '') throw stepError(text, position, `it names no ${kind}`);
  if (name.length > MAX_STEP_NAME_LENGTH) {
    throw stepError(text, position, `the ${kind} name is longer than ${MAX_STEP_NAME_LENGTH} characters`);
  }
  return { kind, name, minCount };
}

function parseMinCount(text: string, position: number, raw: string): number {
  const count = /^\d{1,7}$/.test(raw) ? Number(raw) : NaN;
  if (!(count >= 1 && count <= MAX_STEP_MIN_COUNT)) {
    throw stepError(text, position, `the minimum count must be an integer from 1 to ${MAX_STEP_MIN_COUNT}, got "${raw}"`);
  }
  return count;
}

/** The same event (or feature) twice is one step written twice, whatever the counts. */
function rejectDuplicates(steps: readonly ActivationStep[], parts: readonly string[]): void {
  const seen = new Map<string, number>();
  steps.forEach((step, index) => {
    const key = `${step.kind}:${step.name}`;
    const first = seen.get(key);
    if (first !== undefined)
      throw stepError(parts[index].trim(), index + 1, `it repeats step ${first} (${activationStepLabel(steps[first - 1])})`);
    seen.set(key, index + 1);
  });
}

function stepError(step: string, position: number, reason: string): CoilError {
  return new CoilError('bad_request', 'invalid_parameter', `activation step ${position} ("${step}"): ${reason}`, {
    parameter: 'steps',
    step,
    position,
    reason,
  });
}
