import type { ComputedTraits } from '../../trait-sync/computed-traits';

/**
 * Computed traits as HubSpot company properties, which are all strings on the wire: numbers as
 * digits, a list of segments as a multiple-checkbox value (`a;b`), days as YYYY-MM-DD (what a
 * date property accepts), no value as '' (which clears the property).
 */
export function companyProperties(traits: ComputedTraits): Record<string, string> {
  return Object.fromEntries(
    Object.entries(traits).map(([key, value]) => [key, value === null ? '' : Array.isArray(value) ? value.join(';') : String(value)]),
  );
}

/** A domain as HubSpot keeps a company's: lower case, without scheme, path or a leading `www.`. */
export function normalizeDomain(domain: string): string {
  return domain
    .trim()
    .toLowerCase()
    .replace(/^[a-z][a-z0-9+.-]*:\/\//, '')
    .replace(/[/?#].*$/, '')
    .replace(/^www\./, '');
}
