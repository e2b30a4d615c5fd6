import type { UnitOfWork } from '@coil/database';
import type { TraitDataType } from '@coil/scoring';
import type { SettingsRepositories } from '../repositories/settings-repositories';
import type { TypedTraitValue } from '../repositories/trait-value.repository';
import { TraitTypeSettings } from './trait-type-settings';

const WORKSPACE = '7';

function fakes(values: TypedTraitValue[] = []) {
  const log: string[] = [];
  const types = new Map<string, TraitDataType>([['mrr', 'number']]);
  const repositories = {
    scoringLock: { lock: async (workspaceId: string) => void log.push(`lock ${workspaceId}`) },
    traitTypes: { set: async (_: string, key: string, type: TraitDataType) => void log.push(`set ${key} ${type}`) },
  } as unknown as SettingsRepositories;
  const unitOfWork: UnitOfWork<SettingsRepositories> = { run: (work) => work(repositories) };
  const service = new TraitTypeSettings(
    { exists: async (id) => id === WORKSPACE },
    { list: async () => types },
    { distinctTypedValues: async () => values },
    unitOfWork,
  );
  return { service, log };
}

const value = (subject: 'user' | 'account', key: string, type: TraitDataType, raw: unknown, count = 1): TypedTraitValue => ({
  subject,
  key,
  type,
  value: raw,
  count,
});

describe('TraitTypeSettings', () => {
  it('sets a type under the scoring lock', async () => {
    const { service, log } = fakes();
    expect(await service.set(WORKSPACE, ' mrr ', 'number')).toEqual({ workspace_id: WORKSPACE, key: 'mrr', type: 'number' });
    expect(log).toEqual(['lock 7', 'set mrr number']);
  });

  it('refuses an unknown type listing the types, a blank or long key and an unknown workspace', async () => {
    const { service, log } = fakes();
    await expect(service.set(WORKSPACE, 'mrr', 'integer')).rejects.toMatchObject({
      status: 'bad_request',
      code: 'invalid_parameter',
      message: 'unknown trait type "integer": use one of string, number, date, percentage',
      details: { parameter: 'type', available: ['string', 'number', 'date', 'percentage'] },
    });
    await expect(service.set(WORKSPACE, '  ', 'number')).rejects.toMatchObject({ code: 'invalid_parameter' });
    await expect(service.set(WORKSPACE, 'k'.repeat(201), 'number')).rejects.toMatchObject({ code: 'invalid_parameter' });
    await expect(service.set('8', 'mrr', 'number')).rejects.toMatchObject({ code: 'not_found' });
    expect(log).toEqual([]);
  });

  it('lists the typed keys', async () => {
    expect(await fakes().service.list(WORKSPACE)).toEqual([{ key: 'mrr', type: 'number' }]);
  });

  it('reports values that do not parse per key and subject, with at most five samples', async () => {
    const { service } = fakes([
      value('account', 'mrr', 'number', 'abc', 3),
      value('account', 'mrr', 'number', '1000', 9),
      ...['a', 'b', 'c', 'd', 'e', 'f'].map((raw) => value('user', 'mrr', 'number', raw)),
      value('user', 'usage', 'percentage', '45%', 2),
      value('user', 'usage', 'percentage', null, 2),
    ]);
    expect(await service.check(WORKSPACE)).toEqual({
      workspace_id: WORKSPACE,
      typed_keys: 1,
      problems: [
        { key: 'mrr', type: 'number', subject: 'account', count: 3, samples: ['abc'] },
        { key: 'mrr', type: 'number', subject: 'user', count: 6, samples: ['a', 'b', 'c', 'd', 'e'] },
      ],
    });
  });
});
