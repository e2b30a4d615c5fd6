import { CoilError } from '@coil/domain';

/** Every command takes --json: one JSON document on stdout for scripts, prose otherwise. */
export interface JsonOption {
  json?: boolean;
}

export function printResult<T>(options: JsonOption, result: T, describe: (result: T) => string): void {
  process.stdout.write(`${options.json ? JSON.stringify(result) : describe(result)}\n`);
}

/** Failures go to stderr, as the same error body the HTTP apps answer when --json is asked. */
export function printFailure(error: unknown, json: boolean): void {
  const coilError =
    error instanceof CoilError
      ? error
      : new CoilError('internal_error', 'internal_error', error instanceof Error ? error.message : String(error));
  process.stderr.write(`${json ? JSON.stringify(coilError.toBody()) : `error: ${coilError.message}`}\n`);
}
