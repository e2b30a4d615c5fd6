/** One step of a workspace's activation checklist: an event, or any event of a feature, done min_count times. */
export interface ActivationStep {
  readonly kind: 'event' | 'feature';
  readonly name: string;
  readonly minCount: number;
}

/**
 * A workspace's checklist. requiredUsers null: an account is activated when its users together
 * did every step; N: when N of its users are activated each.
 */
export interface ActivationChecklist {
  readonly steps: readonly ActivationStep[];
  readonly requiredUsers: number | null;
}

/** The `activation` metric of an account or a user (snake_case: it is served as is). */
export interface Activation {
  /** Share of the steps completed, 0..1 (two decimals). */
  readonly rate: number;
  /** Step labels as written in the checklist, e.g. "Invite Sent>=3", "feature:Reports". */
  readonly completed: readonly string[];
  readonly missing: readonly string[];
  /** The UTC day the last step was completed ('YYYY-MM-DD'); null until activated. */
  readonly activated_at: string | null;
}
