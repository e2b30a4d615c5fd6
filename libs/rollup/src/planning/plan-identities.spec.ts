import type { IngestEvent } from '@coil/domain';
import { planIdentities } from './plan-identities';

const event = (fields: Partial<IngestEvent> & Pick<IngestEvent, 'type'>, timestamp = '2026-01-01T00:00:00Z'): IngestEvent => ({
  messageId: Math.random().toString(36),
  timestamp,
  receivedAt: timestamp,
  ...fields,
});

describe('planIdentities', () => {
  it('keeps unrelated ids apart and marks anonymous-only ones unidentified', () => {
    const plan = planIdentities([
      event({ type: 'track', userId: 'u1', event: 'A' }),
      event({ type: 'track', anonymousId: 'anon-1', event: 'A' }),
    ]);
    expect(plan.ids).toEqual(['anon-1', 'u1']);
    expect(plan.groups).toEqual([
      { ids: ['anon-1'], preferredId: 'anon-1', identified: false },
      { ids: ['u1'], preferredId: 'u1', identified: true },
    ]);
  });

  it('ties an anonymousId to a userId on identify, not on track', () => {
    const plan = planIdentities([
      event({ type: 'track', userId: 'u2', anonymousId: 'anon-2', event: 'A' }),
      event({ type: 'identify', userId: 'u1', anonymousId: 'anon-1' }),
    ]);
    expect(plan.groups).toEqual([
      { ids: ['anon-1', 'u1'], preferredId: 'u1', identified: true },
      { ids: ['u2'], preferredId: 'u2', identified: true },
    ]);
  });

  it('chains aliases and prefers the userId of the latest link', () => {
    const plan = planIdentities([
      event({ type: 'alias', previousId: 'old', userId: 'mid' }, '2026-01-01T00:00:00Z'),
      event({ type: 'alias', previousId: 'mid', userId: 'new' }, '2026-01-02T00:00:00Z'),
    ]);
    expect(plan.groups).toEqual([{ ids: ['mid', 'new', 'old'], preferredId: 'new', identified: true }]);
  });

  it('names no user for a group call without one', () => {
    expect(planIdentities([event({ type: 'group', groupId: 'g1' })]).ids).toEqual([]);
  });
});
