import { InvalidEventError } from '../planning';
import { isPoisonError } from './failures';

const pgError = (code: string) => Object.assign(new Error(code), { code });

describe('isPoisonError', () => {
  it.each(['22021', '22P05', '22003', '54000', '23502'])('treats SQLSTATE %s (bad data) as poison', (code) => {
    expect(isPoisonError(pgError(code))).toBe(true);
  });

  it.each(['08006', '57P01', '57P03', '40P01', '40001', '23505', 'ECONNREFUSED', 'EPIPE'])(
    'treats %s (connection, restart, deadlock, race) as transient',
    (code) => {
      expect(isPoisonError(pgError(code))).toBe(false);
    },
  );

  it('treats invalid events as poison and unknown errors as transient', () => {
    expect(isPoisonError(new InvalidEventError('no timestamp'))).toBe(true);
    expect(isPoisonError(new Error('Connection terminated unexpectedly'))).toBe(false);
  });
});
