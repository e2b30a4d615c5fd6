import type { SendResult } from '../contracts/send-result';
import type { PushOutcome } from './trait-sink';

interface Counts {
  sent: number;
  unmatched: number;
  rejected: number;
}

/** Counts what a sync sent per subject type and turns it into the sync's SendResult. */
export class SyncTally {
  private readonly counts = { account: zero(), user: zero() };
  private statusCode: number | undefined;
  private rejection: string | undefined;

  add(type: 'account' | 'user', outcome: PushOutcome): void {
    const counts = this.counts[type];
    counts.sent += outcome.accepted.length;
    counts.unmatched += outcome.unmatched.length;
    counts.rejected += outcome.rejected;
    this.statusCode = outcome.statusCode ?? this.statusCode;
    this.rejection ??= outcome.rejection;
  }

  /** E.g. "accounts: 120 sent, 3 without a match; users: 40 sent", or "nothing changed". */
  summary(): string {
    const parts = (['account', 'user'] as const).flatMap((type) => {
      const { sent, unmatched, rejected } = this.counts[type];
      if (sent + unmatched + rejected === 0) return [];
      const details = [`${sent} sent`];
      if (unmatched > 0) details.push(`${unmatched} without a match`);
      if (rejected > 0) details.push(`${rejected} rejected`);
      return [`${type}s: ${details.join(', ')}`];
    });
    return parts.length > 0 ? parts.join('; ') : 'nothing changed';
  }

  /**
   * Delivered when every change was taken or had no match; failed (nothing to retry soon: the
   * data itself was refused) when some were rejected. Either way they are tried again next sync.
   */
  result(): SendResult {
    const rejected = this.counts.account.rejected + this.counts.user.rejected;
    const statusCode = this.statusCode === undefined ? {} : { statusCode: this.statusCode };
    if (rejected === 0) return { outcome: 'delivered', ...statusCode, response: this.summary() };
    return {
      outcome: 'failed',
      ...statusCode,
      response: this.summary(),
      error: `${rejected} rejected: ${this.rejection ?? 'no reason given'}`,
    };
  }

  /** A failure that stopped the sync, saying what had been sent before it. */
  stoppedBy(failure: SendResult): SendResult {
    return { ...failure, error: `${failure.error ?? 'failed'} (before it: ${this.summary()})` };
  }
}

function zero(): Counts {
  return { sent: 0, unmatched: 0, rejected: 0 };
}
