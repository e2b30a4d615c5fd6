import { signalId } from '../signal-id';
import { activationSignals, type ActivationChange } from './activation-signals';

const at = new Date('2026-11-05T09:30:00.000Z');
const checklist = { steps: ['Report Created', 'feature:Sharing'], required_users: null };
const account = { type: 'account', id: '7' } as const;

function run(changes: ActivationChange[]) {
  return activationSignals({ workspaceId: '1', at, checklist, changes });
}

describe('activationSignals', () => {
  it('signals a subject activated now and not before, keyed by the activated day', () => {
    expect(run([{ subject: account, previous: { activatedAt: null }, activatedAt: '2026-11-04' }])).toEqual([
      {
        id: signalId('1', 'activated', account, '2026-11-04'),
        workspace_id: '1',
        kind: 'activated',
        subject: account,
        occurred_at: '2026-11-05T09:30:00.000Z',
        data: { checklist },
      },
    ]);
  });

  it('signals a new subject already activated', () => {
    expect(run([{ subject: account, previous: undefined, activatedAt: '2026-11-05' }])).toHaveLength(1);
  });

  it('is silent when already activated, not activated, or when no checklist was known before', () => {
    expect(
      run([
        { subject: account, previous: { activatedAt: '2026-10-01' }, activatedAt: '2026-10-01' },
        { subject: account, previous: { activatedAt: null }, activatedAt: null },
        { subject: account, previous: null, activatedAt: '2026-11-04' },
      ]),
    ).toEqual([]);
  });
});
