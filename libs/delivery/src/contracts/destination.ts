import type { SignalKind } from '@coil/signals';

export const DESTINATION_TYPES = ['webhook', 'slack', 'segment', 'hubspot'] as const;
export type DestinationType = (typeof DESTINATION_TYPES)[number];

/** A destination as the delivery code uses it: the secret (signing secret, Slack URL, token) decrypted. */
export interface Destination {
  readonly workspaceId: string;
  readonly id: string;
  readonly type: DestinationType;
  /** Webhook URL; Slack's is a secret, so this holds it redacted and `secret` the real one. */
  readonly url: string;
  /** Signal kinds it receives; null: every kind. */
  readonly kinds: readonly SignalKind[] | null;
  /** Segment names its signals' accounts must be in; null: any account. */
  readonly segments: readonly string[] | null;
  readonly settings: DestinationSettings;
  readonly secret: string | null;
  readonly enabled: boolean;
  readonly disabledReason: string | null;
  readonly failingSince: Date | null;
}

/** Per-type options, stored as jsonb. */
export interface DestinationSettings {
  /** Slack: one message per interval listing its signals instead of one per signal. */
  readonly digest_seconds?: number;
  /** Segment and HubSpot: prefix of the computed traits (default `coil`). */
  readonly trait_prefix?: string;
  /** HubSpot: how companies are found (default `coil_tracking_id`). */
  readonly match?: 'domain' | 'coil_tracking_id';
}
