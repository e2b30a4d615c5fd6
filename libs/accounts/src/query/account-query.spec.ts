import type { CoilError } from '@coil/domain';
import { isAccountBlock } from '../blocks/account-block';
import { parseAccountQuery, parseExpand } from './account-query';
import { decodeCursor, encodeCursor } from './list-cursor';

function errorOf(action: () => unknown): CoilError {
  try {
    action();
  } catch (error) {
    return error as CoilError;
  }
  throw new Error('expected an error');
}

describe('parseAccountQuery', () => {
  it('an id wins over a match pair', () => {
    expect(parseAccountQuery({ workspace_id: '13', id: '456', match_type: 'domain', match_value: 'x.com' })).toEqual({
      workspaceId: '13',
      lookup: { kind: 'id', id: '456' },
      expand: { blocks: [], unknown: [] },
      profile: null,
    });
    expect(parseAccountQuery({ workspace_id: '13', id: '456', profile: 'paid only' }).profile).toBe('paid only');
  });

  it('reports the worst problem first: workspace, then a bad value, then a missing lookup', () => {
    expect(errorOf(() => parseAccountQuery({ id: 'x' })).code).toBe('missing_workspace_id');
    expect(errorOf(() => parseAccountQuery({ workspace_id: '1', id: 'x' })).details).toEqual({
      parameter: 'id',
      reason: 'must be a numeric account id',
    });
    expect(errorOf(() => parseAccountQuery({ workspace_id: '1', match_value: 'x' })).message).toBe(
      'match_type is required with match_value',
    );
    expect(errorOf(() => parseAccountQuery({ workspace_id: '1' })).code).toBe('missing_lookup_parameter');
    expect(errorOf(() => parseAccountQuery(undefined)).code).toBe('missing_workspace_id');
  });
});

describe('parseExpand', () => {
  it('keeps known blocks once, in the order asked, and reports the rest', () => {
    expect(parseExpand(' insights,traits,,Traits,insights,foo ', isAccountBlock)).toEqual({
      blocks: ['insights', 'traits'],
      unknown: ['Traits', 'foo'],
    });
    expect(parseExpand(undefined, isAccountBlock)).toEqual({ blocks: [], unknown: [] });
  });
});

describe('list cursor', () => {
  const listing = { sort: 'engagement_score' as const, order: 'desc' as const, segment: '3', q: 'acme' };

  it('round-trips and is bound to its sort, order and filters', () => {
    const cursor = { ...listing, value: 12.5, id: '42' };
    expect(decodeCursor(encodeCursor(cursor), listing)).toEqual(cursor);
    expect(errorOf(() => decodeCursor(encodeCursor(cursor), { ...listing, order: 'asc' })).code).toBe('invalid_parameter');
    expect(errorOf(() => decodeCursor(encodeCursor(cursor), { ...listing, segment: null })).code).toBe('invalid_parameter');
    expect(errorOf(() => decodeCursor(encodeCursor(cursor), { ...listing, q: 'acm' })).code).toBe('invalid_parameter');
    expect(errorOf(() => decodeCursor('not json', listing)).details).toMatchObject({ parameter: 'cursor' });
  });

  it("holds a null (nulls sort last) or a value of the sort's type", () => {
    const byName = { ...listing, sort: 'name' as const };
    expect(decodeCursor(encodeCursor({ ...byName, value: null, id: '7' }), byName).value).toBeNull();
    expect(decodeCursor(encodeCursor({ ...byName, value: 'acme', id: '7' }), byName).value).toBe('acme');
    expect(errorOf(() => decodeCursor(encodeCursor({ ...byName, value: 3, id: '7' }), byName)).code).toBe('invalid_parameter');
    expect(errorOf(() => decodeCursor(encodeCursor({ ...listing, value: 'x', id: '7' }), listing)).code).toBe('invalid_parameter');
  });

  it('reads a cursor made before the filters as one without them', () => {
    const unfiltered = { ...listing, segment: null, q: null };
    const old = encodeCursor({ sort: 'engagement_score', order: 'desc', value: 1, id: '2' });
    expect(decodeCursor(old, unfiltered)).toEqual({ ...unfiltered, value: 1, id: '2' });
  });
});
