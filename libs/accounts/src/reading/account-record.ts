import type { ServedAccountMetrics } from '../metrics/served-metrics';

/** An account with its latest metrics of the default profile: what every lookup returns. */
export interface AccountRecord {
  id: string;
  trackingId: string;
  name: string | null;
  domain: string | null;
  metrics: ServedAccountMetrics;
}
