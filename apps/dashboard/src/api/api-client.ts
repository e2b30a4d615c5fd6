import type { ErrorBody } from './api-types';

/** A refused request, with the API's own `error.message` to show. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export type QueryValues = Record<string, string | number | null | undefined>;

/** The query string of `values`, without the empty ones. */
export function queryString(values: QueryValues): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(values)) {
    if (value !== null && value !== undefined && value !== '') params.set(name, String(value));
  }
  return params.toString();
}

async function errorOf(response: Response): Promise<ApiError> {
  const body = (await response.json().catch(() => null)) as Partial<ErrorBody> | null;
  const message = body?.error?.message ?? `The API answered ${response.status} ${response.statusText}`;
  return new ApiError(response.status, message);
}

/**
 * The one place that talks to the API: adds the Bearer token and the workspace, turns error
 * bodies into messages, and hands a 401 (token revoked or expired) to `onUnauthorized`.
 */
export class ApiClient {
  constructor(
    private readonly token: string,
    private readonly workspaceId: string | null,
    private readonly onUnauthorized: (message: string) => void = () => undefined,
  ) {}

  async get<T>(path: string, query: QueryValues = {}): Promise<T> {
    const response = await this.send(path, query);
    return (await response.json()) as T;
  }

  /** Fetches a file (a link cannot carry the token) and saves it under the server's name. */
  async download(path: string, query: QueryValues, fallbackName: string): Promise<void> {
    const response = await this.send(path, query);
    const disposition = response.headers.get('content-disposition') ?? '';
    const name = /filename="([^"]+)"/.exec(disposition)?.[1] ?? fallbackName;
    const url = URL.createObjectURL(await response.blob());
    const link = document.createElement('a');
    link.href = url;
    link.download = name;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }

  private async send(path: string, query: QueryValues): Promise<Response> {
    const search = queryString(this.workspaceId === null ? query : { workspace_id: this.workspaceId, ...query });
    let response: Response;
    try {
      response = await fetch(search ? `${path}?${search}` : path, { headers: { authorization: `Bearer ${this.token}` } });
    } catch {
      throw new ApiError(0, 'The API could not be reached. Check your connection and try again.');
    }
    if (response.ok) return response;
    const error = await errorOf(response);
    if (error.status === 401) this.onUnauthorized(error.message);
    throw error;
  }
}
