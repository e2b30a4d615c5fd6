/**
 * `npm run bench -- --quick`: every part at a small size and for seconds, to show the bench still
 * works (a test runs it); its figures mean nothing and docs/benchmarks.md is left alone.
 */
export const QUICK = process.argv.includes('--quick');

/** The full-size value, or the quick one under --quick. */
export function scaled(full: number, quick: number): number {
  return QUICK ? quick : full;
}
