import { unitOfWorkOver } from '@coil/database';
import type { SignalSettings } from '../repositories/signal-settings.repository';
import type { SettingsRepositories } from '../repositories/settings-repositories';
import { parseRetentionDays, parseScoreThreshold, parseWatchedTraits, SignalSettingsService } from './signal-settings';

const WORKSPACE = '7';
const DEFAULTS: SignalSettings = { scoreThreshold: 10, watchedTraits: ['plan', 'status', 'mrr'], retentionDays: 90 };

/** Settings stored in memory; the fakes log the lock and every change they are given. */
function newService() {
  const log: string[] = [];
  let stored = DEFAULTS;
  const repositories = {
    scoringLock: { lock: async (workspaceId: string) => void log.push(`lock ${workspaceId}`) },
    signalSettings: {
      update: async (_: string, change: Partial<SignalSettings>) => {
        log.push(`set ${JSON.stringify(change)}`);
        stored = { ...stored, ...Object.fromEntries(Object.entries(change).filter(([, value]) => value !== undefined)) };
        return stored;
      },
    },
  } as unknown as SettingsRepositories;
  const workspaces = { exists: async (id: string) => id === WORKSPACE };
  const reads = { read: async (id: string) => (id === WORKSPACE ? stored : undefined) };
  return { service: new SignalSettingsService(workspaces, reads, unitOfWorkOver(repositories)), log };
}

describe('SignalSettingsService', () => {
  it('shows the defaults of a new workspace', async () => {
    expect(await newService().service.show(WORKSPACE)).toEqual({
      workspace_id: WORKSPACE,
      score_threshold: 10,
      watched_traits: ['plan', 'status', 'mrr'],
      retention_days: 90,
    });
  });

  it('changes what is given under the scoring lock, leaving the rest', async () => {
    const { service, log } = newService();
    expect(await service.change(WORKSPACE, { scoreThreshold: 15, watchedTraits: [' plan ', 'seats', 'plan'] })).toMatchObject({
      score_threshold: 15,
      watched_traits: ['plan', 'seats'],
      retention_days: 90,
    });
    expect(log).toEqual(['lock 7', 'set {"scoreThreshold":15,"watchedTraits":["plan","seats"]}']);
  });

  it('refuses a bad value before taking the lock, and an unknown workspace', async () => {
    const { service, log } = newService();
    await expect(service.change(WORKSPACE, { retentionDays: 401 })).rejects.toMatchObject({ code: 'invalid_parameter' });
    await expect(service.show('8')).rejects.toMatchObject({ code: 'not_found' });
    expect(log).toEqual([]);
  });
});

describe('signal settings input', () => {
  it.each(['0', '101', '2.5', '-3', 'ten', ''])('score threshold %p is refused', (raw) => {
    expect(() => parseScoreThreshold(raw)).toThrow(/score threshold must be a whole number from 1 to 100/);
  });

  it('reads whole numbers in range', () => {
    expect([parseScoreThreshold('1'), parseScoreThreshold(' 100 '), parseRetentionDays('400'), parseRetentionDays(1)]).toEqual([
      1, 100, 400, 1,
    ]);
    expect(() => parseRetentionDays('0')).toThrow(/retention days/);
  });

  it('reads a watch list: trait keys once each, empty to watch none', () => {
    expect(parseWatchedTraits('plan, mrr ,plan')).toEqual(['plan', 'mrr']);
    expect(parseWatchedTraits('')).toEqual([]);
    expect(() => parseWatchedTraits('plan,,mrr')).toThrow(/watched trait/);
    expect(() => parseWatchedTraits('a\u0007b')).toThrow(/control characters/);
    expect(() => parseWatchedTraits(Array.from({ length: 51 }, (_, n) => `t${n}`))).toThrow(/at most 50/);
  });
});
