import { withTimeout } from '../time-limit';

/**
 * A dependency a process needs before it can do its job (PostgreSQL, Redis, ...): the check
 * passes when it resolves, fails when it throws, and passes with a note in the report when it
 * resolves to a ReadinessWarning.
 */
export interface ReadinessCheck {
  name: string;
  check: () => Promise<unknown>;
}

/** Something an operator should fix that does not stop the process from doing its job. */
export class ReadinessWarning {
  constructor(readonly message: string) {}
}

export interface ReadinessReport {
  ready: boolean;
  /** 'ok', 'warning: <why>' (still ready) or the reason the check failed. */
  checks: Record<string, string>;
}

const CHECK_TIMEOUT_MS = 2000;

async function run({ name, check }: ReadinessCheck): Promise<{ name: string; passed: boolean; status: string }> {
  try {
    const result = await withTimeout(Promise.resolve().then(check), CHECK_TIMEOUT_MS);
    return { name, passed: true, status: result instanceof ReadinessWarning ? `warning: ${result.message}` : 'ok' };
  } catch (error) {
    return { name, passed: false, status: error instanceof Error ? error.message : String(error) };
  }
}

export async function runReadinessChecks(checks: ReadinessCheck[]): Promise<ReadinessReport> {
  const results = await Promise.all(checks.map(run));
  return {
    ready: results.every((result) => result.passed),
    checks: Object.fromEntries(results.map((result) => [result.name, result.status])),
  };
}
