/** The kinds of signal (outbound.md); each marks a transition, never a state that persists. */
export const SIGNAL_KINDS = [
  'score_changed',
  'segment_entered',
  'segment_exited',
  'trait_changed',
  'feature_first_used',
  'activated',
] as const;
export type SignalKind = (typeof SIGNAL_KINDS)[number];

export type SubjectType = 'account' | 'user';

/** Who a signal is about, as it is sent: accounts by tracking id, users by external id. */
export type SignalSubject =
  | { readonly type: 'account'; readonly id: string; readonly tracking_id: string; readonly name: string | null }
  | { readonly type: 'user'; readonly id: string; readonly external_id: string; readonly name: string | null };

export type Trend = 'hot' | 'steady' | 'cold';
export type TraitValue = string | number | boolean | null;

/** What each kind carries in `data`. */
export interface SignalDataByKind {
  score_changed: { profile: string; before: number | null; after: number; change: number | null; trend: Trend };
  segment_entered: { segment: { id: string; name: string } };
  segment_exited: { segment: { id: string; name: string } };
  trait_changed: { trait: string; before: TraitValue; after: TraitValue };
  feature_first_used: { feature: { id: string; name: string }; event: string };
  activated: { checklist: { steps: string[]; required_users: number | null } };
}

/** One signal, in the shape it is stored, served by `GET /v1/signals` and delivered. */
export type Signal = {
  [K in SignalKind]: {
    readonly id: string;
    readonly workspace_id: string;
    readonly kind: K;
    readonly subject: SignalSubject;
    readonly occurred_at: string;
    readonly data: SignalDataByKind[K];
  };
}[SignalKind];

export function isSignalKind(value: string): value is SignalKind {
  return (SIGNAL_KINDS as readonly string[]).includes(value);
}
