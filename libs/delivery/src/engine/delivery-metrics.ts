import { counter, histogram } from '@coil/platform';
import type { DestinationType } from '../contracts/destination';
import type { SendResult } from '../contracts/send-result';

const deliveries = counter('coil_deliveries_total', 'Attempts at destinations (signals, digests, syncs), by type and outcome', [
  'type',
  'outcome',
]);
const lag = histogram(
  'coil_delivery_lag_seconds',
  'Time from a signal being stored to its delivery, by destination type',
  [0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60, 300, 3600, 86400],
  ['type'],
);

export function recordOutcome(type: DestinationType, outcome: SendResult['outcome']): void {
  deliveries.inc({ type, outcome });
}

export function recordLag(type: DestinationType, signalCreatedAt: readonly Date[], now: Date): void {
  for (const createdAt of signalCreatedAt) lag.observe({ type }, Math.max(0, (now.getTime() - createdAt.getTime()) / 1000));
}
