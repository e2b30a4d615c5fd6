import {
  addUtcDays,
  formatUtcDay,
  parseUtcDay,
  WINDOW_DAYS,
  type ActivationChecklist,
  type ActivationStep,
  type NormalizationMethod,
  type WindowDays,
} from '@coil/scoring';
import { seededRandom } from '../../../libs/domain/src/ingest/testing/seeded-random';

/** One daily_counts row by position in the generated lists; account null is account 0 (none named). */
export interface GeneratedCount {
  readonly user: number;
  readonly account: number | null;
  readonly event: string;
  readonly day: string;
  readonly count: number;
}

export interface GeneratedFeature {
  readonly name: string;
  readonly weight: number;
  readonly events: readonly string[];
}

export interface GeneratedProfile {
  readonly name: string;
  readonly isDefault: boolean;
  readonly windowDays: WindowDays;
  readonly normalization: NormalizationMethod;
  /** Direct weights; they win over the features'. */
  readonly weights: Readonly<Record<string, number>>;
}

/** A workspace's scoring input, made from a seed; accounts and users are positions 0..n-1. */
export interface GeneratedWorkspace {
  readonly accounts: number;
  readonly users: readonly { readonly identified: boolean }[];
  /** [account, user] pairs, each once. */
  readonly memberships: readonly (readonly [number, number])[];
  /** One row per (user, account, event, day), as the table's key requires. */
  readonly counts: readonly GeneratedCount[];
  readonly features: readonly GeneratedFeature[];
  /** The first is the default. */
  readonly profiles: readonly GeneratedProfile[];
  /** The workspace's activation checklist, if any. */
  readonly checklist: ActivationChecklist | null;
}

/**
 * Accounts with and without members, identified and anonymous users (some in several accounts,
 * some in none), counts naming an account or none over the last 120 days and tomorrow, features
 * and profiles of every window and method, with direct weights or none (no configuration at all
 * scores every event with weight 1), and an activation checklist of event and feature steps
 * (requiring a number of users or not) or none.
 */
export function generateWorkspace(seed: number, today: string): GeneratedWorkspace {
  const random = seededRandom(seed);
  const between = (min: number, max: number): number => min + Math.floor(random() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[between(0, items.length - 1)];
  const some = <T>(items: readonly T[], chance: number): T[] => items.filter(() => random() < chance);

  const events = Array.from({ length: between(3, 8) }, (_, index) => `event_${index}`);
  const accounts = between(3, 14);
  const users = Array.from({ length: between(4, 30) }, () => ({ identified: random() < 0.8 }));
  const memberships = users.flatMap((_, user) =>
    [...new Set(Array.from({ length: between(0, 3) }, () => between(0, accounts - 1)))].map((account) => [account, user] as const),
  );
  const counts = new Map<string, GeneratedCount>();
  for (let row = between(20, 250); row > 0; row -= 1) {
    const count: GeneratedCount = {
      user: between(0, users.length - 1),
      account: random() < 0.5 ? null : between(0, accounts - 1),
      event: pick(events),
      day: formatUtcDay(addUtcDays(parseUtcDay(today), between(-120, 1))),
      count: between(1, 20),
    };
    const key = `${count.user}|${count.account}|${count.event}|${count.day}`;
    counts.set(key, { ...count, count: count.count + (counts.get(key)?.count ?? 0) });
  }
  const unassigned = [...events];
  const features = Array.from({ length: between(0, 2) }, (_, index) => ({
    name: `feature ${index}`,
    weight: between(1, 10),
    events: unassigned.splice(0, between(1, 2)),
  })).filter((feature) => feature.events.length > 0);
  const profiles = Array.from({ length: between(1, 3) }, (_, index) => ({
    name: index === 0 ? 'default' : `profile ${index}`,
    isDefault: index === 0,
    windowDays: pick(WINDOW_DAYS),
    normalization: pick<NormalizationMethod>(['exponential', 'winsorized']),
    weights: Object.fromEntries(random() < 0.4 ? [] : some(events, 0.5).map((event) => [event, between(1, 10)])),
  }));
  // Drawn last, so the rest of a seed's workspace stays what it was before checklists existed.
  const steps = (): ActivationStep[] =>
    Array.from({ length: between(1, 3) }, () =>
      features.length > 0 && random() < 0.6
        ? { kind: 'feature' as const, name: pick(features).name, minCount: between(1, 30) }
        : { kind: 'event' as const, name: pick(events), minCount: between(1, 30) },
    );
  const checklist = random() < 0.2 ? null : { steps: steps(), requiredUsers: random() < 0.6 ? null : between(1, 2) };
  return { accounts, users, memberships, counts: [...counts.values()], features, profiles, checklist };
}
