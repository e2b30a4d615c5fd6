import { CoilError } from '@coil/domain';
import { ReadAccess } from './read-access';

const TOKENS: Record<string, string> = { coil_rt_mine: '13', coil_rt_other: '14' };

function errorOf(promise: Promise<unknown>): Promise<CoilError> {
  return promise.then(
    () => Promise.reject(new Error('expected a rejection')),
    (error: unknown) => error as CoilError,
  );
}

describe('ReadAccess', () => {
  const clock = 1_000_000;
  let resolved: string[];
  let access: ReadAccess;

  beforeEach(() => {
    resolved = [];
    const credentials = {
      resolveReadToken: async (token: string): Promise<string | null> => {
        resolved.push(token);
        return TOKENS[token] ?? null;
      },
    };
    access = new ReadAccess(credentials, 2, () => clock);
  });

  it('opens the token’s own workspace and hands back the parsed query', async () => {
    const query = { workspaceId: '13', id: '456' };

    expect(await access.authorize('Bearer coil_rt_mine', () => query)).toBe(query);
    expect(await access.authorize('bearer   coil_rt_mine  ', () => query)).toBe(query);
    expect(resolved).toEqual(['coil_rt_mine', 'coil_rt_mine']);
  });

  it.each([
    ['no header', undefined],
    ['another scheme', 'Basic coil_rt_mine'],
    ['an empty bearer', 'Bearer '],
    ['an unknown token', 'Bearer coil_rt_unknown'],
  ])('answers 401 for %s, before reading the query', async (_, authorization) => {
    const parseQuery = jest.fn(() => ({ workspaceId: '13' }));

    const error = await errorOf(access.authorize(authorization, parseQuery));

    expect(error.toBody()).toEqual({ error: { message: 'Invalid or expired token', status: 'unauthorized', code: 'unauthorized' } });
    expect(parseQuery).not.toHaveBeenCalled();
  });

  it('lets a bad query through to its 400 only once the token is known', async () => {
    const invalid = new CoilError('bad_request', 'missing_workspace_id', 'workspace_id is required');
    const parseQuery = (): never => {
      throw invalid;
    };

    expect(await errorOf(access.authorize('Bearer coil_rt_unknown', parseQuery))).toMatchObject({ code: 'unauthorized' });
    expect(await errorOf(access.authorize('Bearer coil_rt_mine', parseQuery))).toBe(invalid);
  });

  it('answers a token of another workspace with the 404 of an unknown account', async () => {
    const error = await errorOf(access.authorize('Bearer coil_rt_other', () => ({ workspaceId: '13' })));

    expect(error.toBody()).toEqual({ error: { message: 'Resource not found', status: 'not_found', code: 'not_found' } });
  });

  it('limits each token on its own, answering 429 with the wait', async () => {
    const mine = () => access.authorize('Bearer coil_rt_mine', () => ({ workspaceId: '13' }));
    await mine();
    await mine();

    const limited = await errorOf(mine());

    expect(limited).toMatchObject({ status: 'rate_limited', code: 'rate_limited', details: { retry_after_seconds: 1 } });
    expect(await access.authorize('Bearer coil_rt_other', () => ({ workspaceId: '14' }))).toEqual({ workspaceId: '14' });
  });
});
