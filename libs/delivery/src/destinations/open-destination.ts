import type { Destination } from '../contracts/destination';
import type { SignalKind } from '@coil/signals';
import type { DestinationRecord } from './destination.repository';
import type { SecretBox } from './secret-box';

/** A stored destination as the senders use it: its secret decrypted. */
export function openDestination(record: DestinationRecord, box: SecretBox): Destination {
  return {
    workspaceId: record.workspaceId,
    id: record.id,
    type: record.type,
    url: record.url,
    kinds: record.kinds as SignalKind[] | null,
    segments: record.segments,
    settings: record.settings,
    secret: record.secret === null ? null : box.open(record.secret),
    enabled: record.enabled,
    disabledReason: record.disabledReason,
    failingSince: record.failingSince,
  };
}
