/** A wait that ran out of time, told apart from the failure of what was awaited. */
export class TimeoutError extends Error {
  constructor(ms: number, what?: string) {
    super(`${what ? `${what} ` : ''}timed out after ${ms} ms`);
    this.name = 'TimeoutError';
  }
}

/**
 * `promise`, or a TimeoutError once `ms` have passed (its message names `what`, when given);
 * what was awaited keeps running.
 */
export function withTimeout<T>(promise: Promise<T>, ms: number, what?: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TimeoutError(ms, what)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
