import { unitOfWorkOver } from '@coil/database';
import type { AccountSettings } from '@coil/workspaces';
import type { SettingsRepositories } from '../repositories/settings-repositories';
import { AccountSettingsService } from './account-settings';
import { parseTraitKey } from './settings-input';

const WORKSPACE = '7';

/** Settings stored in memory; the fakes log the lock and every change they are given. */
function newService(initial: AccountSettings = { userTrait: null, nameTrait: null, createdAtTrait: null }) {
  const log: string[] = [];
  let stored = initial;
  const repositories = {
    scoringLock: { lock: async (workspaceId: string) => void log.push(`lock ${workspaceId}`) },
    workspaces: {
      setAccountSettings: async (_: string, change: Partial<AccountSettings>) => {
        log.push(`set ${JSON.stringify(change)}`);
        stored = { ...stored, ...change };
        return stored;
      },
    },
  } as unknown as SettingsRepositories;
  const workspaces = {
    exists: async (id: string) => id === WORKSPACE,
    accountSettings: async (id: string) => (id === WORKSPACE ? stored : undefined),
  };
  return { service: new AccountSettingsService(workspaces, unitOfWorkOver(repositories)), log };
}

describe('AccountSettingsService', () => {
  it('sets the user trait under the scoring lock, trimmed, and answers with the settings', async () => {
    const { service, log } = newService();

    expect(await service.setSource(WORKSPACE, { userTrait: ' company_id ' })).toEqual({
      workspace_id: WORKSPACE,
      source: 'user_trait',
      user_trait: 'company_id',
      name_trait: null,
      created_at_trait: null,
    });
    expect(log).toEqual(['lock 7', 'set {"userTrait":"company_id"}']);
  });

  it('goes back to group calls by clearing the user trait only', async () => {
    const { service, log } = newService({ userTrait: 'company_id', nameTrait: 'company', createdAtTrait: null });

    expect(await service.setSource(WORKSPACE, { groupCalls: true })).toMatchObject({
      source: 'group_calls',
      user_trait: null,
      name_trait: 'company',
    });
    expect(log).toEqual(['lock 7', 'set {"userTrait":null}']);
  });

  it('sets and clears the name and created-at traits, leaving what is not given', async () => {
    const { service, log } = newService({ userTrait: 'company_id', nameTrait: 'company', createdAtTrait: null });

    expect(await service.setTraits(WORKSPACE, { createdAtTrait: 'signup_date' })).toMatchObject({
      name_trait: 'company',
      created_at_trait: 'signup_date',
    });
    expect(await service.setTraits(WORKSPACE, { nameTrait: null })).toMatchObject({ name_trait: null, created_at_trait: 'signup_date' });
    expect(log).toEqual(['lock 7', 'set {"createdAtTrait":"signup_date"}', 'lock 7', 'set {"nameTrait":null}']);
  });

  it('refuses a traits change that changes nothing, and bad keys, before taking the lock', async () => {
    const { service, log } = newService();
    await expect(service.setTraits(WORKSPACE, {})).rejects.toMatchObject({ code: 'invalid_parameter' });
    await expect(service.setTraits(WORKSPACE, { nameTrait: ' ' })).rejects.toThrow('name trait must be 1 to 200 characters');
    await expect(service.setSource(WORKSPACE, { userTrait: 'a\nb' })).rejects.toThrow('user trait must not contain control characters');
    expect(log).toEqual([]);
  });

  it('shows the settings, and 404 for an unknown workspace', async () => {
    const { service } = newService({ userTrait: null, nameTrait: 'company', createdAtTrait: 'signup' });
    expect(await service.show(WORKSPACE)).toEqual({
      workspace_id: WORKSPACE,
      source: 'group_calls',
      user_trait: null,
      name_trait: 'company',
      created_at_trait: 'signup',
    });
    await expect(service.show('8')).rejects.toMatchObject({ status: 'not_found' });
  });
});

describe('parseTraitKey', () => {
  it('trims and keeps keys of 1 to 200 characters, spaces and unicode included', () => {
    expect(parseTraitKey(' company id ')).toBe('company id');
    expect(parseTraitKey('société')).toBe('société');
    expect(parseTraitKey('k'.repeat(200))).toHaveLength(200);
  });

  it.each([
    ['empty', ''],
    ['over 200 characters', 'k'.repeat(201)],
    ['a tab inside', 'a\tb'],
    ['DEL', 'a\u007fb'],
    ['a C1 control', 'a\u0085b'],
  ])('refuses a key %s', (_, raw) => {
    expect(() => parseTraitKey(raw)).toThrow(/trait key must/);
  });
});
