import type { Traits } from '@coil/domain';

export interface AccountColumns {
  name: string | null;
  domain: string | null;
}

function text(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  return null;
}

/** The account columns mirrored from traits, so that lookups by name or domain use an index. */
export function accountColumns(traits: Traits): AccountColumns {
  return { name: text(traits.name), domain: text(traits.domain) };
}
