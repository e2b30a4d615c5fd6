import type { Signal, SignalDataByKind, SignalKind, SignalSubject, SubjectType } from './signal';
import { signalId } from './signal-id';

/** A subject by its type and id, before its wire shape (tracking or external id, name) is read. */
export interface SubjectRef {
  readonly type: SubjectType;
  readonly id: string;
}

type SignalOfKind<K extends SignalKind> = Extract<Signal, { kind: K }>;

/** A derived signal whose subject is still a reference: derivation needs ids only, not names. */
export type SignalDraft = {
  [K in SignalKind]: Omit<SignalOfKind<K>, 'subject'> & { readonly subject: SubjectRef };
}[SignalKind];

/** `account:<id>` / `user:<id>`: keys subjects in lookups, and is the deliveries' subject_key. */
export function subjectKey(subject: SubjectRef): string {
  return `${subject.type}:${subject.id}`;
}

/** A draft with its deterministic id (signalId) from the transition it marks. */
export function draftSignal<K extends SignalKind>(
  workspaceId: string,
  kind: K,
  subject: SubjectRef,
  transition: string,
  occurredAt: Date,
  data: SignalDataByKind[K],
): SignalDraft {
  const draft = {
    id: signalId(workspaceId, kind, subject, transition),
    workspace_id: workspaceId,
    kind,
    subject,
    occurred_at: occurredAt.toISOString(),
    data,
  };
  // The generic K cannot be narrowed to one member of the union; the fields above are of that member.
  return draft as SignalDraft;
}

/**
 * Drafts with their wire subjects, in order. A draft whose subject is no longer stored (deleted
 * or merged away in the same transaction) is dropped: there is nobody left to tell about.
 */
export function completeSignals(drafts: readonly SignalDraft[], subjects: ReadonlyMap<string, SignalSubject>): Signal[] {
  return drafts.flatMap((draft) => {
    const subject = subjects.get(subjectKey(draft.subject));
    return subject === undefined ? [] : [{ ...draft, subject }];
  });
}
