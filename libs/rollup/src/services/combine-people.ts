import { combineStoredTraits } from '../planning';
import type { StoredUser } from '../repositories';

/**
 * One person from the surviving row and the rows merged into it: traits combined key by key by their clocks,
 * identified when any of them was, and an anonymous survivor renamed to the userId that
 * identified it (`identifyAs`).
 */
export function combinePeople(survivor: StoredUser, losers: StoredUser[], identifyAs?: string): StoredUser {
  const rows = [survivor, ...losers];
  const { traits, clock, traitsAt } = combineStoredTraits(rows);
  const identifiedLoser = losers.find((loser) => loser.identified);
  const externalId = survivor.identified ? survivor.externalId : (identifyAs ?? identifiedLoser?.externalId ?? survivor.externalId);
  return {
    id: survivor.id,
    externalId,
    identified: survivor.identified || identifyAs !== undefined || identifiedLoser !== undefined,
    traits,
    clock,
    traitsAt,
  };
}
