import { signalId } from '../signal-id';
import { traitSignals, type TraitChange } from './trait-signals';

const user = { type: 'user', id: '9' } as const;

function change(before: TraitChange['before'], after: TraitChange['after']): TraitChange {
  return {
    workspaceId: '1',
    subject: user,
    watched: ['plan', 'mrr', 'status'],
    before,
    after,
    messageId: 'm-1',
    at: new Date('2026-11-05T09:30:00.000Z'),
  };
}

describe('traitSignals', () => {
  it('signals a watched trait that changed, keyed by the message id and trait', () => {
    expect(traitSignals(change({ plan: 'free', name: 'A' }, { plan: 'pro', name: 'B' }))).toEqual([
      {
        id: signalId('1', 'trait_changed', user, 'm-1|plan'),
        workspace_id: '1',
        kind: 'trait_changed',
        subject: user,
        occurred_at: '2026-11-05T09:30:00.000Z',
        data: { trait: 'plan', before: 'free', after: 'pro' },
      },
    ]);
  });

  it('signals added and removed traits with null on the missing side', () => {
    const signals = traitSignals(change({ status: 'trial' }, { mrr: 99 }));
    expect(signals.map((signal) => signal.data)).toEqual([
      { trait: 'mrr', before: null, after: 99 },
      { trait: 'status', before: 'trial', after: null },
    ]);
  });

  it('is silent for unchanged and unwatched traits; objects compare by their JSON', () => {
    expect(traitSignals(change({ plan: { tier: 1 }, name: 'A' }, { plan: { tier: 1 }, name: 'B' }))).toEqual([]);
  });
});
