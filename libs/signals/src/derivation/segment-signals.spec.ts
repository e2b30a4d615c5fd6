import { signalId } from '../signal-id';
import { segmentSignals } from './segment-signals';

const at = new Date('2026-11-05T09:30:00.000Z');

describe('segmentSignals', () => {
  it('signals exits then entries, with the segment, keyed by the membership time and segment', () => {
    const signals = segmentSignals({
      workspaceId: '1',
      at,
      segments: new Map([
        ['3', 'New'],
        ['4', 'Champions'],
      ]),
      entries: [{ segmentId: '4', accountId: '7' }],
      exits: [{ segmentId: '3', accountId: '7' }],
    });
    expect(signals).toEqual([
      {
        id: signalId('1', 'segment_exited', { type: 'account', id: '7' }, '2026-11-05T09:30:00.000Z|3'),
        workspace_id: '1',
        kind: 'segment_exited',
        subject: { type: 'account', id: '7' },
        occurred_at: '2026-11-05T09:30:00.000Z',
        data: { segment: { id: '3', name: 'New' } },
      },
      {
        id: signalId('1', 'segment_entered', { type: 'account', id: '7' }, '2026-11-05T09:30:00.000Z|4'),
        workspace_id: '1',
        kind: 'segment_entered',
        subject: { type: 'account', id: '7' },
        occurred_at: '2026-11-05T09:30:00.000Z',
        data: { segment: { id: '4', name: 'Champions' } },
      },
    ]);
  });

  it('skips a segment it has no name for', () => {
    expect(segmentSignals({ workspaceId: '1', at, segments: new Map(), entries: [{ segmentId: '4', accountId: '7' }], exits: [] })).toEqual(
      [],
    );
  });
});
