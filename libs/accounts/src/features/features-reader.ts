import { daysOfRange, lastDays } from '../history/history-reader';
import type { DayRange } from '../history/score-history.repository';
import type { ProfileResolver } from '../profiles/profile-resolver';
import { singleMatch } from '../reading/single-match';
import type { AccountLookupRepository } from '../repositories/account-lookup.repository';
import type { AdoptionUnitSource } from './adoption-unit-source';
import type { AdoptionUnit } from './adoption-units';
import type { AccountUnitUsage, FeatureUsageRepository, UsageRow } from './feature-usage.repository';
import type { AccountFeaturesQuery, FeaturesQuery } from './features-query';

export interface FeatureUse {
  accounts: number;
  users: number;
  events: number;
  /** accounts / accounts active (with a scored event) in the workspace, two decimals; 0 when none was. */
  adoption: number;
}

export interface FeatureDay extends FeatureUse {
  day: string;
}

/** GET /v1/features: every adoption unit of the profile, a point per day of the range (oldest first) and totals. */
export interface FeaturesBody {
  features: { name: string; events: string[]; days: FeatureDay[]; totals: FeatureUse }[];
}

/** GET /v1/accounts/features: one account's use of each unit; `used` in the range, `unused` not. */
export interface AccountFeaturesBody {
  id: string;
  features: AccountUnitUsage[];
  used: string[];
  unused: string[];
}

export class FeaturesReader {
  constructor(
    private readonly profiles: Pick<ProfileResolver, 'resolve'>,
    private readonly units: Pick<AdoptionUnitSource, 'unitsOf'>,
    private readonly accounts: Pick<AccountLookupRepository, 'findIds'>,
    private readonly usage: Pick<FeatureUsageRepository, 'workspaceUsage' | 'accountUsage'>,
    private readonly now: () => Date,
  ) {}

  async workspace(query: FeaturesQuery): Promise<FeaturesBody> {
    const profile = await this.profiles.resolve(query.workspaceId, query.profile);
    const { units, scoredEvents } = await this.units.unitsOf(query.workspaceId, profile);
    const range = lastDays(this.now(), query.days);
    const rows = units.length === 0 ? [] : await this.usage.workspaceUsage(query.workspaceId, range, units, scoredEvents);
    return { features: featureSeries(units, rows, range) };
  }

  async account(query: AccountFeaturesQuery): Promise<AccountFeaturesBody> {
    const profile = await this.profiles.resolve(query.workspaceId, query.profile);
    const { id } = singleMatch(await this.accounts.findIds(query.workspaceId, query.lookup), query.lookup, 'account');
    const { units } = await this.units.unitsOf(query.workspaceId, profile);
    const rows = units.length === 0 ? [] : await this.usage.accountUsage(query.workspaceId, id, lastDays(this.now(), query.days), units);
    const byName = new Map(rows.map((row) => [row.name, row]));
    const features = units.map((unit) => byName.get(unit.name) ?? { name: unit.name, events: 0, users: 0, last_used: null });
    return {
      id,
      features,
      used: features.filter((feature) => feature.events > 0).map((feature) => feature.name),
      unused: features.filter((feature) => feature.events === 0).map((feature) => feature.name),
    };
  }
}

/** Dense series: every day of the range, zeros where nothing was used. */
export function featureSeries(units: readonly AdoptionUnit[], rows: readonly UsageRow[], range: DayRange): FeaturesBody['features'] {
  const key = (name: string | null, day: string | null): string => JSON.stringify([name, day]);
  const found = new Map(rows.map((row) => [key(row.name, row.day), row]));
  const active = (day: string | null): number => found.get(key(null, day))?.accounts ?? 0;
  const use = (name: string, day: string | null): FeatureUse => {
    const row = found.get(key(name, day));
    const accounts = row?.accounts ?? 0;
    return { accounts, users: row?.users ?? 0, events: row?.events ?? 0, adoption: share(accounts, active(day)) };
  };
  const days = daysOfRange(range);
  return units.map((unit) => ({
    name: unit.name,
    events: unit.events,
    days: days.map((day) => ({ day, ...use(unit.name, day) })),
    totals: use(unit.name, null),
  }));
}

function share(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((part / whole) * 100) / 100;
}
