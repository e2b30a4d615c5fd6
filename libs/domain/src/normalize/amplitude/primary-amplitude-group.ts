import type { AmplitudeGroupsInput } from './amplitude-event-schema';

export interface AmplitudeGroup {
  groupType: string;
  groupId: string;
}

/**
 * Every id under `groups`, of any type, is a candidate account; the primary one is the lowest
 * groupId in ascending order (the seeds' and Accoil destination's rule). Plain code-unit order,
 * not locale order, so the choice never depends on the server's locale.
 */
export function primaryAmplitudeGroup(groups: AmplitudeGroupsInput | undefined): AmplitudeGroup | undefined {
  const candidates = Object.entries(groups ?? {}).flatMap(([groupType, ids]) =>
    ([] as Array<string | number>).concat(ids).map((id) => ({ groupType, groupId: String(id) })),
  );
  candidates.sort((a, b) => compareCodeUnits(a.groupId, b.groupId) || compareCodeUnits(a.groupType, b.groupType));
  return candidates[0];
}

export function compareCodeUnits(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}
