import { CoilError } from '@coil/domain';
import { DEFAULT_WINDOW_DAYS, type WindowDays } from '@coil/scoring';
import { DEFAULT_PROFILE_NAME, type ScoringProfileRecord, type ScoringProfileRepository } from '@coil/settings';

/** The scoring profile a read is for. */
export interface ResolvedProfile {
  /** Null before the first scoring run has created the workspace's default profile: nothing is stored yet. */
  id: string | null;
  name: string;
  windowDays: WindowDays;
}

/** `?profile=NAME` as asked: a name, or null for the workspace's default profile. */
export type ProfileSelector = string | null;

/** A workspace with no profile yet is read as its default-to-be: the one the first scoring run creates. */
const NOT_YET_CREATED: ResolvedProfile = { id: null, name: DEFAULT_PROFILE_NAME, windowDays: DEFAULT_WINDOW_DAYS };

/** Turns `?profile=` into a profile of the workspace; an unknown name is a 400 listing the names available. */
export class ProfileResolver {
  constructor(private readonly profiles: Pick<ScoringProfileRepository, 'findByName' | 'findDefault' | 'list'>) {}

  /** One indexed read, two for an unknown name (the names to offer). */
  async resolve(workspaceId: string, selector: ProfileSelector): Promise<ResolvedProfile> {
    // A workspace always has a default once it has any profile (the first one made is it).
    if (selector === null) return recordOf(await this.profiles.findDefault(workspaceId)) ?? NOT_YET_CREATED;
    const found = recordOf(await this.profiles.findByName(workspaceId, selector));
    if (found) return found;
    const available = (await this.profiles.list(workspaceId)).map((profile) => profile.name);
    if (available.length === 0 && selector === DEFAULT_PROFILE_NAME) return NOT_YET_CREATED;
    throw unknownProfile(selector, available.length === 0 ? [DEFAULT_PROFILE_NAME] : available);
  }
}

function recordOf(record: ScoringProfileRecord | undefined): ResolvedProfile | null {
  return record ? { id: record.id, name: record.name, windowDays: record.windowDays } : null;
}

export function unknownProfile(name: string, available: readonly string[]): CoilError {
  return new CoilError('bad_request', 'invalid_parameter', `unknown profile "${name}"`, {
    parameter: 'profile',
    available,
  });
}
