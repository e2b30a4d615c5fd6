/** A computed trait's value as sent: numbers, a UTC day as text, segment names, or null (no value). */
export type ComputedTraitValue = number | string | readonly string[] | null;
export type ComputedTraits = Readonly<Record<string, ComputedTraitValue>>;

/** The metrics of one subject's latest score row for one profile (account-only fields absent for users). */
export interface ProfileMetrics {
  readonly profileId: string;
  readonly score: number;
  readonly scoreChange: number | null;
  readonly activationRate: number | null;
  readonly adoptionRate: number;
  readonly lifetimeAdoptionRate: number;
  /** YYYY-MM-DD. */
  readonly lastActive: string | null;
  readonly frequency: number;
  readonly activeUsers?: number;
  readonly totalUsers?: number;
}

export interface ScoringProfileName {
  readonly id: string;
  readonly name: string;
}

/** How the traits of a destination are named: `{prefix}_{profile}_{metric}`, `{prefix}_segments`. */
export interface TraitNaming {
  readonly prefix: string;
  /** Profile id -> its name as a trait-name part. */
  readonly profiles: ReadonlyMap<string, string>;
}

export const DEFAULT_TRAIT_PREFIX = 'coil';

/**
 * Names each profile by a slug of its name ("Power users" -> power_users), the form both Segment
 * traits and HubSpot property names accept. Two profiles whose names slug alike (or a name with
 * no letter or digit) get the later one's id appended, so no two profiles share a trait.
 */
export function traitNaming(prefix: string | undefined, profiles: readonly ScoringProfileName[]): TraitNaming {
  const names = new Map<string, string>();
  const taken = new Set<string>();
  for (const profile of [...profiles].sort((a, b) => Number(BigInt(a.id) - BigInt(b.id)))) {
    const slug = slugify(profile.name);
    const name = slug === '' || taken.has(slug) ? `${slug || 'profile'}_${profile.id}` : slug;
    taken.add(name);
    names.set(profile.id, name);
  }
  return { prefix: slugify(prefix ?? '') || DEFAULT_TRAIT_PREFIX, profiles: names };
}

export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

/**
 * The computed traits of one subject (outbound.md): per profile its score, change, activation,
 * adoption and lifetime adoption rates, last active day and frequency, and for accounts active
 * and total users; for accounts also the names of the segments it is in. Numbers are rounded to
 * two decimals, so a sync does not resend a trait for a change nobody can see.
 */
export function computedTraits(naming: TraitNaming, scores: readonly ProfileMetrics[], segments?: readonly string[]): ComputedTraits {
  const traits: Record<string, ComputedTraitValue> = {};
  for (const row of scores) {
    const profile = naming.profiles.get(row.profileId);
    if (profile === undefined) continue;
    const name = (metric: string): string => `${naming.prefix}_${profile}_${metric}`;
    traits[name('score')] = round(row.score);
    traits[name('score_change')] = row.scoreChange === null ? null : round(row.scoreChange);
    traits[name('activation_rate')] = row.activationRate === null ? null : round(row.activationRate);
    traits[name('adoption_rate')] = round(row.adoptionRate);
    traits[name('lifetime_adoption_rate')] = round(row.lifetimeAdoptionRate);
    traits[name('last_active')] = row.lastActive;
    traits[name('frequency')] = row.frequency;
    if (row.activeUsers !== undefined) traits[name('active_users')] = row.activeUsers;
    if (row.totalUsers !== undefined) traits[name('total_users')] = row.totalUsers;
  }
  if (segments !== undefined) traits[`${naming.prefix}_segments`] = [...segments].sort();
  return traits;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
