import type { Destination } from '../contracts/destination';
import type { SendResult } from '../contracts/send-result';
import { ComputedTraitSync } from './computed-trait-sync';
import type { ComputedTraits, ProfileMetrics } from './computed-traits';
import type { AccountTraitChange, PushOutcome, TraitSink, UserTraitChange } from './trait-sink';
import type { AccountTraitSource, TraitPage, UserTraitSource } from './trait-source.repository';
import type { SentTraits, TraitSubjectType } from './trait-state.repository';

const now = new Date('2026-12-02T07:00:00Z');
const destination: Destination = {
  workspaceId: '1',
  id: '5',
  type: 'segment',
  url: 'http://segment.test',
  kinds: null,
  segments: null,
  settings: {},
  secret: 'key',
  enabled: true,
  disabledReason: null,
  failingSince: null,
};

function score(value: number): ProfileMetrics {
  return {
    profileId: '1',
    score: value,
    scoreChange: null,
    activationRate: null,
    adoptionRate: 0,
    lifetimeAdoptionRate: 0,
    lastActive: null,
    frequency: 1,
  };
}

function account(id: string, value: number): AccountTraitSource {
  return { id, trackingId: `t${id}`, domain: null, memberExternalId: null, segments: [], scores: [score(value)] };
}

class FakeSources {
  accountRows: AccountTraitSource[] = [];
  userRows: UserTraitSource[] = [];
  pages: TraitPage[] = [];
  profiles(): Promise<Array<{ id: string; name: string }>> {
    return Promise.resolve([{ id: '1', name: 'default' }]);
  }
  accounts(_workspaceId: string, page: TraitPage): Promise<AccountTraitSource[]> {
    this.pages.push(page);
    return Promise.resolve(this.accountRows.filter((row) => BigInt(row.id) > BigInt(page.afterId)).slice(0, page.limit));
  }
  users(_workspaceId: string, page: TraitPage): Promise<UserTraitSource[]> {
    return Promise.resolve(this.userRows.filter((row) => BigInt(row.id) > BigInt(page.afterId)).slice(0, page.limit));
  }
}

class FakeStates {
  readonly rows = new Map<string, ComputedTraits>();
  sent(_w: string, _d: string, type: TraitSubjectType, ids: readonly string[]): Promise<Map<string, ComputedTraits>> {
    return Promise.resolve(
      new Map(ids.flatMap((id) => (this.rows.has(`${type}:${id}`) ? [[id, this.rows.get(`${type}:${id}`) ?? {}]] : []))),
    );
  }
  record(_w: string, _d: string, type: TraitSubjectType, sent: readonly SentTraits[]): Promise<void> {
    for (const row of sent) this.rows.set(`${type}:${row.subjectId}`, row.traits);
    return Promise.resolve();
  }
}

/** Accepts every change except those of `refuse`, which fail the page as a whole, and of `unknown`, which it has no record of. */
class FakeSink implements TraitSink {
  readonly accountPushes: AccountTraitChange[][] = [];
  readonly userPushes: UserTraitChange[][] = [];
  refuse = new Set<string>();
  unknown = new Set<string>();
  closed = false;
  accounts(changes: readonly AccountTraitChange[]): Promise<PushOutcome> {
    this.accountPushes.push([...changes]);
    const failing = changes.some((change) => this.refuse.has(change.id));
    const failure: SendResult = { outcome: 'retry', statusCode: 503, error: 'HTTP 503' };
    return Promise.resolve({
      accepted: changes.filter((change) => !this.refuse.has(change.id) && !this.unknown.has(change.id)).map((change) => change.id),
      unmatched: changes.filter((change) => this.unknown.has(change.id)).map((change) => change.id),
      rejected: 0,
      statusCode: failing ? 503 : 200,
      ...(failing ? { failure } : {}),
    });
  }
  users: TraitSink['users'] = (changes) => {
    this.userPushes.push([...changes]);
    return Promise.resolve({ accepted: changes.map((change) => change.id), unmatched: [], rejected: 0, statusCode: 200 });
  };
  close(): Promise<void> {
    this.closed = true;
    return Promise.resolve();
  }
}

describe('ComputedTraitSync', () => {
  let sources: FakeSources;
  let states: FakeStates;
  let sync: ComputedTraitSync;

  beforeEach(() => {
    sources = new FakeSources();
    states = new FakeStates();
    sync = new ComputedTraitSync(sources, states, 2);
  });

  it('sends every trait the first time, page by page, then nothing when nothing changed', async () => {
    sources.accountRows = [account('1', 10), account('2', 20), account('3', 30)];
    sources.userRows = [{ id: '8', externalId: 'u8', scores: [score(5)] }];
    const sink = new FakeSink();

    const first = await sync.run(destination, now, sink);

    expect(first).toEqual({ outcome: 'delivered', statusCode: 200, response: 'accounts: 3 sent; users: 1 sent' });
    expect(sink.accountPushes.map((page) => page.map((change) => change.trackingId))).toEqual([['t1', 't2'], ['t3']]);
    expect(sink.accountPushes[0][0].traits).toMatchObject({ coil_default_score: 10, coil_segments: [] });
    expect(sink.userPushes[0]).toEqual([
      expect.objectContaining({ externalId: 'u8', traits: expect.objectContaining({ coil_default_score: 5 }) }),
    ]);
    expect(sources.pages.map((page) => [page.afterId, page.day])).toEqual([
      ['0', '2026-12-02'],
      ['2', '2026-12-02'],
      ['3', '2026-12-02'],
    ]);
    expect(sink.closed).toBe(true);

    const quiet = new FakeSink();
    expect(await sync.run(destination, now, quiet)).toEqual({ outcome: 'delivered', response: 'nothing changed' });
    expect(quiet.accountPushes).toEqual([]);
  });

  it('sends only the traits that changed', async () => {
    sources.accountRows = [account('1', 10), account('2', 20)];
    await sync.run(destination, now, new FakeSink());
    sources.accountRows = [account('1', 10), { ...account('2', 20), segments: ['Hot'] }];
    const sink = new FakeSink();

    await sync.run(destination, now, sink);

    expect(sink.accountPushes).toEqual([[expect.objectContaining({ id: '2', traits: { coil_segments: ['Hot'] } })]]);
  });

  it('stops at a page that fails, records only the subjects accepted, and resends the rest next time', async () => {
    sources.accountRows = [account('1', 10), account('2', 20), account('3', 30)];
    const failing = new FakeSink();
    failing.refuse = new Set(['2']);

    const result = await sync.run(destination, now, failing);

    expect(result).toEqual({ outcome: 'retry', statusCode: 503, error: 'HTTP 503 (before it: accounts: 1 sent)' });
    expect(failing.accountPushes).toHaveLength(1);
    expect(failing.userPushes).toHaveLength(0);
    expect([...states.rows.keys()]).toEqual(['account:1']);

    const retry = new FakeSink();
    expect(await sync.run(destination, now, retry)).toMatchObject({ outcome: 'delivered', response: 'accounts: 2 sent' });
    expect(retry.accountPushes.flat().map((change) => change.id)).toEqual(['2', '3']);
  });

  it('records the subjects the destination has no record of, so they are sent again only when they change', async () => {
    sources.accountRows = [account('1', 10), account('2', 20)];
    const sink = new FakeSink();
    sink.unknown = new Set(['2']);

    expect(await sync.run(destination, now, sink)).toEqual({
      outcome: 'delivered',
      statusCode: 200,
      response: 'accounts: 1 sent, 1 without a match',
    });
    expect(await sync.run(destination, now, new FakeSink())).toMatchObject({ response: 'nothing changed' });

    sources.accountRows = [account('1', 10), account('2', 25)];
    const next = new FakeSink();
    await sync.run(destination, now, next);
    expect(next.accountPushes).toEqual([[expect.objectContaining({ id: '2', traits: { coil_default_score: 25 } })]]);
  });

  it('syncs no users when the destination has none (HubSpot companies)', async () => {
    sources.userRows = [{ id: '8', externalId: 'u8', scores: [score(5)] }];
    const sink = new FakeSink();
    sink.users = null;

    expect(await sync.run(destination, now, sink)).toEqual({ outcome: 'delivered', response: 'nothing changed' });
  });
});
