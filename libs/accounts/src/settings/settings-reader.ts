import type { ActivationChecklist, NormalizationMethod, WindowDays } from '@coil/scoring';
import {
  DEFAULT_PROFILE_NAME,
  DEFAULT_PROFILE_VALUES,
  type ActivationChecklistRepository,
  type EventWeightRepository,
  type FeatureRepository,
  type ScoringProfileRecord,
  type ScoringProfileRepository,
  type SignalSettings,
  type SignalSettingsRepository,
} from '@coil/settings';
import { notFound } from '../auth/read-access';
import type { SettingsQuery } from './settings-query';

export interface ProfileSettingsView {
  name: string;
  is_default: boolean;
  window_days: WindowDays;
  normalization: NormalizationMethod;
  filter: string | null;
  /** The profile's direct weights, by event; they win over the event's feature. */
  event_weights: { event: string; weight: number }[];
}

export interface ActivationChecklistView {
  steps: { kind: 'event' | 'feature'; name: string; min_count: number }[];
  /** Users an account needs activated each; null: its users together do every step. */
  required_users: number | null;
}

/** GET /v1/settings: what scoring and signals run with, read-only (the CLI changes it). */
export interface SettingsBody {
  profiles: ProfileSettingsView[];
  features: { name: string; weight: number; events: string[] }[];
  activation: ActivationChecklistView | null;
  signals: { score_threshold: number; watched_traits: string[]; retention_days: number };
}

/** Before the first scoring run or `profile set`: the default profile that either will create. */
const NOT_YET_CREATED: Omit<ScoringProfileRecord, 'id'> = { name: DEFAULT_PROFILE_NAME, isDefault: true, ...DEFAULT_PROFILE_VALUES };

/** Reads the settings through the repositories the CLI's settings services write with. */
export class SettingsReader {
  constructor(
    private readonly profiles: Pick<ScoringProfileRepository, 'list'>,
    private readonly weights: Pick<EventWeightRepository, 'forProfile'>,
    private readonly features: Pick<FeatureRepository, 'list'>,
    private readonly checklists: Pick<ActivationChecklistRepository, 'get'>,
    private readonly signalSettings: Pick<SignalSettingsRepository, 'read'>,
  ) {}

  async read(query: SettingsQuery): Promise<SettingsBody> {
    const { workspaceId } = query;
    const [profiles, features, checklist, signals] = await Promise.all([
      this.profileViews(workspaceId),
      this.features.list(workspaceId),
      this.checklists.get(workspaceId),
      this.signalSettings.read(workspaceId),
    ]);
    return {
      profiles,
      features: features.map((feature) => ({ name: feature.name, weight: feature.weight, events: [...feature.events] })),
      activation: checklist && activationView(checklist),
      signals: signalsView(signals),
    };
  }

  /** Default first, then by age (the repository's order); one read of weights per profile, of which there are few. */
  private async profileViews(workspaceId: string): Promise<ProfileSettingsView[]> {
    const stored = await this.profiles.list(workspaceId);
    if (stored.length === 0) return [profileView(NOT_YET_CREATED, {})];
    return Promise.all(stored.map(async (profile) => profileView(profile, await this.weights.forProfile(workspaceId, profile.id))));
  }
}

function profileView(profile: Omit<ScoringProfileRecord, 'id'>, weights: Record<string, number>): ProfileSettingsView {
  return {
    name: profile.name,
    is_default: profile.isDefault,
    window_days: profile.windowDays,
    normalization: profile.normalization,
    filter: profile.filter,
    event_weights: Object.keys(weights)
      .sort()
      .map((event) => ({ event, weight: weights[event] })),
  };
}

function activationView(checklist: ActivationChecklist): ActivationChecklistView {
  return {
    steps: checklist.steps.map((step) => ({ kind: step.kind, name: step.name, min_count: step.minCount })),
    required_users: checklist.requiredUsers,
  };
}

function signalsView(settings: SignalSettings | undefined): SettingsBody['signals'] {
  // Only a workspace deleted after its token was checked has none.
  if (settings === undefined) throw notFound();
  return { score_threshold: settings.scoreThreshold, watched_traits: [...settings.watchedTraits], retention_days: settings.retentionDays };
}
