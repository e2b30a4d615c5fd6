/**
 * Another worker created one of this batch's people between our read and our insert. The
 * transaction is rolled back and the job retried; the next attempt sees that person.
 */
export class IdentityRaceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'IdentityRaceError';
  }
}
