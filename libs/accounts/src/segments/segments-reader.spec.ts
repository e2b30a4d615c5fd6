import type { SegmentRecord } from '@coil/settings';
import type { SegmentHistory } from './segment-history.repository';
import { SegmentsReader } from './segments-reader';

const NOW = new Date('2025-09-21T12:00:00.000Z');

function reader(segments: SegmentRecord[], histories: SegmentHistory[]) {
  const history = { daily: jest.fn(async () => histories) };
  return { reader: new SegmentsReader({ list: async () => segments }, history, () => NOW), history };
}

const segment = (id: string, name: string): SegmentRecord => ({ id, name, rule: 'engagement_score < 30', builtin: false, members: 0 });

describe('SegmentsReader', () => {
  it('reads the days ending today by its clock and orders the segments by name (code points)', async () => {
    const points = [{ day: '2025-09-21', members: 4 }];
    const { reader: segments, history } = reader([segment('1', 'b'), segment('2', 'B'), segment('3', 'a')], [{ segmentId: '2', points }]);
    const body = await segments.list({ workspaceId: '7', days: 3 });
    expect(history.daily).toHaveBeenCalledWith('7', { from: '2025-09-19', to: '2025-09-21' });
    expect(body.segments.map((s) => s.name)).toEqual(['B', 'a', 'b']);
    expect(body.segments[0].history).toBe(points);
  });

  it('a segment the history read missed (deleted meanwhile) gets zeros for every day, not missing days', async () => {
    const { reader: segments } = reader([segment('1', 'gone')], []);
    expect((await segments.list({ workspaceId: '7', days: 2 })).segments[0].history).toEqual([
      { day: '2025-09-20', members: 0 },
      { day: '2025-09-21', members: 0 },
    ]);
  });
});
