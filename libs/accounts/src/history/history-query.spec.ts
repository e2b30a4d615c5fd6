import type { CoilError } from '@coil/domain';
import { parseAccountHistoryQuery, parseWorkspaceHistoryQuery } from './history-query';

function errorOf(action: () => unknown): CoilError {
  try {
    action();
  } catch (error) {
    return error as CoilError;
  }
  throw new Error('expected an error');
}

describe('history queries', () => {
  it('days defaults to 90 and takes 1..400; profile is kept as named', () => {
    expect(parseWorkspaceHistoryQuery({ workspace_id: '13' })).toEqual({ workspaceId: '13', days: 90, profile: null });
    expect(
      parseAccountHistoryQuery({ workspace_id: '13', match_type: 'domain', match_value: 'x.io', days: '400', profile: 'paid only' }),
    ).toEqual({
      workspaceId: '13',
      lookup: { kind: 'match', field: 'domain', value: 'x.io' },
      days: 400,
      profile: 'paid only',
    });
    expect(parseWorkspaceHistoryQuery({ workspace_id: '13', days: '1' }).days).toBe(1);
  });

  it.each(['0', '401', '1000', 'abc', '01', '2.0', ' 5'])('days=%j is invalid', (days) => {
    expect(errorOf(() => parseWorkspaceHistoryQuery({ workspace_id: '13', days })).details).toEqual({
      parameter: 'days',
      reason: 'must be a whole number of days from 1 to 400',
    });
  });

  it('checks the workspace, then the values, then the lookup', () => {
    expect(errorOf(() => parseAccountHistoryQuery({ days: '0' })).code).toBe('missing_workspace_id');
    expect(errorOf(() => parseAccountHistoryQuery({ workspace_id: '13', days: '0' })).code).toBe('invalid_parameter');
    expect(errorOf(() => parseAccountHistoryQuery({ workspace_id: '13' })).code).toBe('missing_lookup_parameter');
  });
});
