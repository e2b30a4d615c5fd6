/** The data type of a trait key (parity.md "Trait data types"); keys without one are strings. */
export const TRAIT_DATA_TYPES = ['string', 'number', 'date', 'percentage'] as const;

export type TraitDataType = (typeof TRAIT_DATA_TYPES)[number];

export function isTraitDataType(value: string): value is TraitDataType {
  return (TRAIT_DATA_TYPES as readonly string[]).includes(value);
}

/** Trait key -> its declared type; keys absent are strings. */
export type TraitTypes = ReadonlyMap<string, TraitDataType>;
