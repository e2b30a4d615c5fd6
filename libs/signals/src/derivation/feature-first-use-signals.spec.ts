import { signalId } from '../signal-id';
import { featureFirstUseSignals } from './feature-first-use-signals';

describe('featureFirstUseSignals', () => {
  it('signals each first use with the feature and event, keyed by the first day and feature', () => {
    const user = { type: 'user', id: '9' } as const;
    const signals = featureFirstUseSignals('1', new Date('2026-11-05T09:30:00.000Z'), [
      { subject: user, feature: { id: '2', name: 'Reports' }, event: 'Report Created', firstDay: '2026-11-04' },
    ]);
    expect(signals).toEqual([
      {
        id: signalId('1', 'feature_first_used', user, '2026-11-04|2'),
        workspace_id: '1',
        kind: 'feature_first_used',
        subject: user,
        occurred_at: '2026-11-05T09:30:00.000Z',
        data: { feature: { id: '2', name: 'Reports' }, event: 'Report Created' },
      },
    ]);
  });
});
