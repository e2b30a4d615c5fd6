import { draftSignal, type SignalDraft, type SubjectRef } from '../signal-draft';

/**
 * Before: the activation of the subject's latest stored row. undefined: no row (a new subject);
 * null: a row without activation (the workspace had no checklist then), so no transition is
 * known and nothing is signalled; else the row's activated_at.
 */
export type PreviousActivation = { readonly activatedAt: string | null } | null | undefined;

export interface ActivationChange {
  readonly subject: SubjectRef;
  readonly previous: PreviousActivation;
  /** The UTC day ('YYYY-MM-DD') the subject completed the checklist; null: not yet. */
  readonly activatedAt: string | null;
}

export interface ActivationSignalsInput {
  readonly workspaceId: string;
  readonly at: Date;
  readonly checklist: { readonly steps: string[]; readonly required_users: number | null };
  readonly changes: readonly ActivationChange[];
}

/** activated: activated_at was null before and is set now; the transition is the activated day. */
export function activationSignals(input: ActivationSignalsInput): SignalDraft[] {
  const { workspaceId, at, checklist } = input;
  return input.changes.flatMap(({ subject, previous, activatedAt }) => {
    if (activatedAt === null || previous === null) return [];
    if (previous !== undefined && previous.activatedAt !== null) return [];
    return [draftSignal(workspaceId, 'activated', subject, activatedAt, at, { checklist })];
  });
}
