import { draftSignal, type SignalDraft, type SubjectRef } from '../signal-draft';

/** A subject's first use of a feature, as newly recorded in feature_first_uses. */
export interface FirstUse {
  readonly subject: SubjectRef;
  readonly feature: { readonly id: string; readonly name: string };
  /** The feature's event the subject performed that day. */
  readonly event: string;
  /** 'YYYY-MM-DD' */
  readonly firstDay: string;
}

/** feature_first_used; the transition is the first day of use plus the feature. */
export function featureFirstUseSignals(workspaceId: string, at: Date, firstUses: readonly FirstUse[]): SignalDraft[] {
  return firstUses.map(({ subject, feature, event, firstDay }) =>
    draftSignal(workspaceId, 'feature_first_used', subject, `${firstDay}|${feature.id}`, at, { feature, event }),
  );
}
