import type { CoilError } from '@coil/domain';
import { encodeCursor } from '../query/list-cursor';
import { encodeSignalCursor } from './signal-cursor';
import { parseSignalsQuery } from './signals-query';

function errorOf(action: () => unknown): CoilError {
  try {
    action();
  } catch (error) {
    return error as CoilError;
  }
  throw new Error('expected an error');
}

describe('parseSignalsQuery', () => {
  it('defaults to every kind, no bound, the first page of 100', () => {
    expect(parseSignalsQuery({ workspace_id: '13' })).toEqual({
      workspaceId: '13',
      since: null,
      kinds: null,
      accountId: null,
      limit: 100,
      after: null,
    });
  });

  it('reads kinds once each, since with its zone, account_id and a cursor it made', () => {
    const after = { occurred_at: '2025-09-21T10:00:00.000Z', id: 'sig_abc' };
    const query = parseSignalsQuery({
      workspace_id: '13',
      kind: 'activated,score_changed,activated',
      since: '2025-09-21T12:00:00+02:00',
      account_id: '456',
      limit: '20',
      cursor: encodeSignalCursor(after),
    });
    expect(query).toEqual({
      workspaceId: '13',
      kinds: ['activated', 'score_changed'],
      since: new Date('2025-09-21T10:00:00Z'),
      accountId: '456',
      limit: 20,
      after,
    });
    expect(parseSignalsQuery({ workspace_id: '13', since: '2025-09-21' }).since).toEqual(new Date('2025-09-21T00:00:00Z'));
    // `+02:00` sent unencoded in a URL arrives as ` 02:00`.
    expect(parseSignalsQuery({ workspace_id: '13', since: '2025-09-21T12:00 02:00' }).since).toEqual(new Date('2025-09-21T10:00:00Z'));
  });

  it.each([
    ['kind', { kind: 'score_changed,,activated' }],
    ['since', { since: '2025-02-29' }],
    ['since', { since: '2025-09-21T25:00:00Z' }],
    ['cursor', { cursor: encodeCursor({ sort: 'engagement_score', order: 'desc', value: 1, id: '2' }) }],
    ['cursor', { cursor: encodeCursor({ occurred_at: 'yesterday', id: 'sig_abc' }) }],
  ])('refuses a bad %s with invalid_parameter naming it', (parameter, values) => {
    const error = errorOf(() => parseSignalsQuery({ workspace_id: '13', ...values }));
    expect(error).toMatchObject({ code: 'invalid_parameter', details: { parameter } });
  });
});
