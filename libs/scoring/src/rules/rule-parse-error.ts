/** A rule or filter that does not parse; `position` is the 0-based character offset of the problem. */
export class RuleParseError extends Error {
  constructor(
    readonly reason: string,
    readonly position: number,
  ) {
    super(`${reason} at position ${position}`);
    this.name = 'RuleParseError';
  }
}
