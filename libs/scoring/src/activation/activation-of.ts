import { formatUtcDay } from '../time/utc-day';
import type { Activation, ActivationChecklist } from './activation-checklist';
import { activationStepLabel } from './activation-step-label';

/**
 * By step position, the UTC day the subject's running count of the step first reached its
 * min_count; null (or absent) when it has not.
 */
export type StepDoneDays = readonly (Date | null | undefined)[];

/**
 * A user's activation, or an account's when the checklist needs no number of users: every step
 * done by the subject (an account's users together). activated_at is the day the last step was
 * done; rate the share of steps done, two decimals.
 */
export function activationOf(checklist: ActivationChecklist, doneDays: StepDoneDays): Activation {
  const { completed, missing, lastDone } = stepsDone(checklist, doneDays);
  const all = missing.length === 0;
  return {
    rate: checklist.steps.length === 0 ? 0 : twoDecimals(completed.length / checklist.steps.length),
    completed,
    missing,
    activated_at: all && lastDone !== null ? formatUtcDay(lastDone) : null,
  };
}

/**
 * An account's activation when the checklist requires N activated users: activated once N of
 * its users are activated (activated_at = the day the N-th did), rate = min(1, activated / N).
 * completed and missing still list the steps its users did together.
 * `userActivatedAt` holds the activation day of each of its users, null if not activated.
 */
export function accountActivationOf(
  checklist: ActivationChecklist,
  doneDays: StepDoneDays,
  userActivatedAt: readonly (Date | null)[],
): Activation {
  if (checklist.requiredUsers === null) return activationOf(checklist, doneDays);
  const required = Math.max(1, checklist.requiredUsers);
  const { completed, missing } = stepsDone(checklist, doneDays);
  const days = userActivatedAt.filter((day): day is Date => day !== null).sort((a, b) => a.getTime() - b.getTime());
  const reached = days.length >= required ? days[required - 1] : null;
  return {
    rate: twoDecimals(Math.min(1, days.length / required)),
    completed,
    missing,
    activated_at: reached === null ? null : formatUtcDay(reached),
  };
}

interface StepsDone {
  readonly completed: string[];
  readonly missing: string[];
  /** The latest done day among the completed steps. */
  readonly lastDone: Date | null;
}

function stepsDone(checklist: ActivationChecklist, doneDays: StepDoneDays): StepsDone {
  const completed: string[] = [];
  const missing: string[] = [];
  let lastDone: Date | null = null;
  for (const [index, step] of checklist.steps.entries()) {
    const day = doneDays[index];
    if (day === undefined || day === null) {
      missing.push(activationStepLabel(step));
      continue;
    }
    completed.push(activationStepLabel(step));
    if (lastDone === null || day.getTime() > lastDone.getTime()) lastDone = day;
  }
  return { completed, missing, lastDone };
}

function twoDecimals(share: number): number {
  return Math.round(share * 100) / 100;
}
