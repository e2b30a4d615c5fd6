import { unitOfWorkOver } from '@coil/database';
import type { ActivationChecklist } from '@coil/scoring';
import type { SettingsRepositories } from '../repositories/settings-repositories';
import { ActivationSettings, parsePerUser } from './activation-settings';

const WORKSPACE = '7';

/** A workspace with one feature ("Reports"); the fakes log what they are asked, in order. */
function newService(stored: ActivationChecklist | null = null) {
  const log: string[] = [];
  const saved: ActivationChecklist[] = [];
  const repositories = {
    scoringLock: { lock: async (workspaceId: string) => void log.push(`lock ${workspaceId}`) },
    features: { list: async () => (log.push('features'), [{ id: '1', name: 'Reports', weight: 2, events: ['report_created'] }]) },
    activationChecklists: {
      set: async (_: string, checklist: ActivationChecklist) => void (log.push('set'), saved.push(checklist)),
      clear: async () => (log.push('clear'), stored !== null),
    },
  } as unknown as SettingsRepositories;
  const workspaces = { exists: async (id: string) => id === WORKSPACE };
  const checklists = { get: async () => stored };
  return { service: new ActivationSettings(workspaces, checklists, unitOfWorkOver(repositories)), log, saved };
}

describe('ActivationSettings', () => {
  it('stores the parsed steps under the scoring lock and answers with their labels', async () => {
    const { service, log, saved } = newService();

    const view = await service.set(WORKSPACE, 'Report_Created,Invite Sent>=3,feature:Reports', { perUser: 2 });

    expect(log).toEqual(['lock 7', 'features', 'set']);
    expect(saved).toEqual([
      {
        steps: [
          { kind: 'event', name: 'Report_Created', minCount: 1 },
          { kind: 'event', name: 'Invite Sent', minCount: 3 },
          { kind: 'feature', name: 'Reports', minCount: 1 },
        ],
        requiredUsers: 2,
      },
    ]);
    expect(view).toEqual({
      workspace_id: WORKSPACE,
      steps: [
        { label: 'Report_Created', kind: 'event', name: 'Report_Created', min_count: 1 },
        { label: 'Invite Sent>=3', kind: 'event', name: 'Invite Sent', min_count: 3 },
        { label: 'feature:Reports', kind: 'feature', name: 'Reports', min_count: 1 },
      ],
      per_user: 2,
    });
  });

  it('leaves required users null without --per-user', async () => {
    const { service, saved } = newService();
    expect((await service.set(WORKSPACE, 'A')).per_user).toBeNull();
    expect(saved[0].requiredUsers).toBeNull();
  });

  it('refuses a feature the workspace does not have, listing those it has, and stores nothing', async () => {
    const { service, saved } = newService();

    await expect(service.set(WORKSPACE, 'A,feature:Exports>=2')).rejects.toMatchObject({
      status: 'bad_request',
      code: 'unknown_feature',
      message: 'activation step "feature:Exports>=2": workspace 7 has no feature "Exports"',
      details: { feature: 'Exports', available: ['Reports'] },
    });
    expect(saved).toEqual([]);
  });

  it('refuses bad steps and a bad per-user count before taking the lock', async () => {
    const { service, log } = newService();
    await expect(service.set(WORKSPACE, 'A>=0')).rejects.toMatchObject({ code: 'invalid_parameter' });
    await expect(service.set(WORKSPACE, 'A', { perUser: 0 })).rejects.toMatchObject({ code: 'invalid_parameter' });
    expect(log).toEqual([]);
  });

  it('answers an unknown workspace with 404', async () => {
    await expect(newService().service.show('8')).rejects.toMatchObject({ status: 'not_found' });
  });

  it('shows a stored checklist, and an empty one when there is none', async () => {
    const stored: ActivationChecklist = { steps: [{ kind: 'feature', name: 'Reports', minCount: 2 }], requiredUsers: null };
    expect(await newService(stored).service.show(WORKSPACE)).toEqual({
      workspace_id: WORKSPACE,
      steps: [{ label: 'feature:Reports>=2', kind: 'feature', name: 'Reports', min_count: 2 }],
      per_user: null,
    });
    expect(await newService().service.show(WORKSPACE)).toEqual({ workspace_id: WORKSPACE, steps: [], per_user: null });
  });

  it('clears under the scoring lock and says whether there was a checklist', async () => {
    const withChecklist = newService({ steps: [{ kind: 'event', name: 'A', minCount: 1 }], requiredUsers: null });
    expect(await withChecklist.service.clear(WORKSPACE)).toEqual({ workspace_id: WORKSPACE, cleared: true });
    expect(withChecklist.log).toEqual(['lock 7', 'clear']);
    expect(await newService().service.clear(WORKSPACE)).toEqual({ workspace_id: WORKSPACE, cleared: false });
  });
});

describe('parsePerUser', () => {
  it.each([
    ['1', 1],
    [' 1000 ', 1000],
    [5, 5],
  ])('takes %p', (raw, expected) => expect(parsePerUser(raw)).toBe(expected));

  it.each(['0', '1001', '2.5', '-1', 'two', '', 2.5])('refuses %p', (raw) => {
    expect(() => parsePerUser(raw)).toThrow('per-user must be an integer from 1 to 1000');
  });
});
