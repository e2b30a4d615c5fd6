/** An event the worker can never apply, whatever the database state: it goes to the dead-letter queue. */
export class InvalidEventError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidEventError';
  }
}
