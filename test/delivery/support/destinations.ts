import type { Destination } from '@coil/delivery';

/** A destination as the engine hands it to an adapter (secret decrypted). */
export function destination(overrides: Partial<Destination> & Pick<Destination, 'type' | 'url'>): Destination {
  return {
    workspaceId: '1',
    id: '1',
    kinds: null,
    segments: null,
    settings: {},
    secret: null,
    enabled: true,
    disabledReason: null,
    failingSince: null,
    ...overrides,
  };
}
