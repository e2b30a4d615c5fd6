import { CoilError } from '@coil/domain';
import { RateLimiter } from '@coil/http';
import { hashCredential, type CredentialResolver } from '@coil/workspaces';

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/**
 * Who may read: a bearer read token, rate limited per token (a token bucket in this
 * process, like the ingest's), opening only its own workspace.
 */
export class ReadAccess {
  private readonly limiter: RateLimiter;

  constructor(
    private readonly credentials: Pick<CredentialResolver, 'resolveReadToken'>,
    ratePerSecond: number,
    now: () => number = Date.now,
  ) {
    this.limiter = new RateLimiter(() => ratePerSecond, now);
  }

  /** The token's workspace id; throws 401 unauthorized or 429 rate_limited. */
  async authenticate(authorization: string | undefined): Promise<string> {
    const token = BEARER.exec(authorization ?? '')?.[1];
    const workspaceId = token ? await this.credentials.resolveReadToken(token) : null;
    if (!token || workspaceId === null) throw new CoilError('unauthorized', 'unauthorized', 'Invalid or expired token');
    const retryAfter = this.limiter.take(hashCredential(token), 1);
    if (retryAfter > 0) {
      throw new CoilError('rate_limited', 'rate_limited', 'Too many requests for this token', { retry_after_seconds: retryAfter });
    }
    return workspaceId;
  }

  /**
   * Token first (401/429), then the query (400), then the workspace: a token of another
   * workspace learns nothing, it gets the same 404 as an unknown account.
   */
  async authorize<Q extends { workspaceId: string }>(authorization: string | undefined, parseQuery: () => Q): Promise<Q> {
    const tokenWorkspaceId = await this.authenticate(authorization);
    const query = parseQuery();
    if (query.workspaceId !== tokenWorkspaceId) throw notFound();
    return query;
  }
}

export function notFound(): CoilError {
  return new CoilError('not_found', 'not_found', 'Resource not found');
}
