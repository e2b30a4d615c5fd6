import type { AccountMetrics } from '@coil/scoring';

/** The metrics block as served: the stored metrics plus owner_name, a trait. */
export interface ServedAccountMetrics extends AccountMetrics {
  owner_name: string | null;
}

/** An account with its latest metrics of the default profile: what every lookup returns. */
export interface AccountRecord {
  id: string;
  trackingId: string;
  name: string | null;
  domain: string | null;
  metrics: ServedAccountMetrics;
}
