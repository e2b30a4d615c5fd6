import type { Activation } from '../activation/activation-checklist';
import { adoptionRate } from './adoption';

/** What the totals of an account or a user carry for the engagement model (parity.md). */
export interface EngagementTotals {
  /** distinct UTC days in the frame with >= 1 scored event. */
  readonly frequency: number;
  /** adoption units (see adoptionUnits) with a scored event in the frame: numerator of adoption_rate. */
  readonly adoptionUnitsUsed: number;
  /** adoption units with a scored event ever: numerator of lifetime_adoption_rate. */
  readonly lifetimeAdoptionUnitsUsed: number;
  /** last UTC day with a scored event; null if none. */
  readonly lastActive: Date | null;
}

/** The engagement model's fields of a stored score row, the same for accounts and users. */
export interface EngagementFields {
  /** distinct UTC days in the frame with >= 1 scored event. */
  readonly frequency: number;
  /** share of the adoption units used in the frame / ever, 0..1 with two decimals. */
  readonly adoptionRate: number;
  readonly lifetimeAdoptionRate: number;
  readonly lastActive: Date | null;
  /** null when the workspace has no activation checklist. */
  readonly activation: Activation | null;
}

export function engagementFields(totals: EngagementTotals, adoptionUnitCount: number, activation: Activation | null): EngagementFields {
  return {
    frequency: totals.frequency,
    adoptionRate: adoptionRate(totals.adoptionUnitsUsed, adoptionUnitCount),
    lifetimeAdoptionRate: adoptionRate(totals.lifetimeAdoptionUnitsUsed, adoptionUnitCount),
    lastActive: totals.lastActive,
    activation,
  };
}
