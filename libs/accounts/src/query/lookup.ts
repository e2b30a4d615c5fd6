/** How a request names one account or user: the internal id wins over a match pair. */
export type Lookup = { kind: 'id'; id: string } | { kind: 'match'; field: string; value: string };

/** Validation guarantees an id or a complete match pair. */
export function toLookup(raw: { id?: string; match_type?: string; match_value?: string }): Lookup {
  if (raw.id !== undefined) return { kind: 'id', id: raw.id };
  return { kind: 'match', field: raw.match_type as string, value: raw.match_value as string };
}
