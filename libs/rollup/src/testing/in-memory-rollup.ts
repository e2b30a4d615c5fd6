import type { UnitOfWork } from '@coil/database';
import type { Signal } from '@coil/signals';
import type { RollupRepositories, StoredAccount, StoredUser } from '../repositories';

interface Tables {
  claimed: string[];
  seen: string[];
  aliases: Record<string, string>;
  users: Record<string, StoredUser>;
  accounts: Record<string, StoredAccount & { trackingId: string }>;
  memberships: string[];
  counts: Record<string, number>;
  nextId: number;
  signalsBaselineAt: Date | null;
  signals: Signal[];
}

/** What PostgreSQL answers an event name holding a NUL byte: a poison error (SQLSTATE 22021). */
function nulInText(): Error {
  return Object.assign(new Error('invalid byte sequence for encoding "UTF8": 0x00'), { code: '22021' });
}

/**
 * The roll-up's tables in memory, for unit specs of its orchestration: one workspace, and a
 * unit of work that rolls back (restores the tables) when its work throws. Merges of people
 * are left to the PostgreSQL tests (test/worker/rollup-semantics.spec.ts).
 */
export class InMemoryRollup {
  private tables: Tables = {
    claimed: [],
    seen: [],
    aliases: {},
    users: {},
    accounts: {},
    memberships: [],
    counts: {},
    nextId: 1,
    signalsBaselineAt: null,
    signals: [],
  };
  private failingRuns = new Map<number, Error>();
  private runs = 0;

  readonly unitOfWork: UnitOfWork<RollupRepositories> = {
    run: async (work) => {
      this.runs += 1;
      const failure = this.failingRuns.get(this.runs);
      if (failure) throw failure;
      const before = structuredClone(this.tables);
      try {
        return await work(this.repositories);
      } catch (error) {
        this.tables = before;
        throw error;
      }
    },
  };

  /** The `run`-th unit of work (counting from 1) fails before doing anything, as a lost connection would. */
  failRun(run: number, error: Error): void {
    this.failingRuns.set(run, error);
  }

  unitsOfWork(): number {
    return this.runs;
  }

  claimedBatches(): string[] {
    return [...this.tables.claimed];
  }

  /** The signals baseline (workspaces.signals_baseline_at), as a scoring run would set it. */
  setSignalsBaseline(at: Date | null): void {
    this.tables.signalsBaselineAt = at;
  }

  signalsBaselineAt(): Date | null {
    return this.tables.signalsBaselineAt;
  }

  /** Signals stored, in order. */
  signals(): Signal[] {
    return [...this.tables.signals];
  }

  /** Every count, keyed `{external user id}|{event}|{day}`. */
  counts(): Record<string, number> {
    const externalIdOf = (userId: string) => this.tables.users[userId].externalId;
    const counts: Record<string, number> = {};
    for (const [key, count] of Object.entries(this.tables.counts)) {
      const [userId, , event, day] = key.split('|');
      const named = `${externalIdOf(userId)}|${event}|${day}`;
      counts[named] = (counts[named] ?? 0) + count;
    }
    return counts;
  }

  private newId(): string {
    this.tables.nextId += 1;
    return String(this.tables.nextId);
  }

  private readonly repositories: RollupRepositories = {
    batches: {
      claim: async (_, batchId) => {
        if (this.tables.claimed.includes(batchId)) return false;
        this.tables.claimed.push(batchId);
        return true;
      },
      markSeen: async (_, messageIds) => {
        const fresh = messageIds.filter((id) => !this.tables.seen.includes(id));
        this.tables.seen.push(...fresh);
        return new Set(fresh);
      },
    },
    identities: {
      lockAliases: async (_, externalIds) =>
        new Map(
          externalIds.flatMap((id) => {
            const userId = this.tables.aliases[id];
            return userId === undefined ? [] : [[id, { userId, identified: this.tables.users[userId].identified }]];
          }),
        ),
      createUsers: async (_, users) => {
        const taken = new Set(Object.values(this.tables.users).map((user) => user.externalId));
        const created = new Map<string, string>();
        for (const user of users.filter((candidate) => !taken.has(candidate.externalId))) {
          const id = this.newId();
          this.tables.users[id] = { id, externalId: user.externalId, identified: user.identified, traits: {}, clock: {}, traitsAt: null };
          created.set(user.externalId, id);
        }
        return created;
      },
      addAliases: async (_, aliases) => {
        const fresh = aliases.filter((alias) => this.tables.aliases[alias.externalId] === undefined);
        for (const alias of fresh) this.tables.aliases[alias.externalId] = alias.userId;
        return fresh.length;
      },
    },
    users: {
      lockUsers: async (_, ids) => ids.flatMap((id) => this.tables.users[id] ?? []),
      updateUsers: async (_, users) => {
        for (const user of users) this.tables.users[user.id] = user;
      },
      deleteUsers: async (_, ids) => {
        for (const id of ids) delete this.tables.users[id];
      },
    },
    userHistory: {
      moveHistory: async () => {
        throw new Error('merges are not modelled in memory');
      },
    },
    accounts: {
      ensureAccounts: async (_, trackingIds) => {
        const idOf = new Map(Object.values(this.tables.accounts).map((account) => [account.trackingId, account.id]));
        for (const trackingId of trackingIds.filter((candidate) => !idOf.has(candidate))) {
          const id = this.newId();
          this.tables.accounts[id] = { id, trackingId, traits: {}, clock: {}, traitsAt: null };
          idOf.set(trackingId, id);
        }
        return new Map(trackingIds.map((trackingId) => [trackingId, idOf.get(trackingId)!]));
      },
      lockAccounts: async (_, ids) => ids.flatMap((id) => this.tables.accounts[id] ?? []),
      updateAccounts: async (_, accounts) => {
        for (const account of accounts) Object.assign(this.tables.accounts[account.id], account);
      },
    },
    memberships: {
      addMemberships: async (_, rows) => {
        for (const row of rows) {
          const key = `${row.accountId}|${row.userId}`;
          if (!this.tables.memberships.includes(key)) this.tables.memberships.push(key);
        }
      },
    },
    signalBaseline: {
      read: async () => ({
        scoreThreshold: 10,
        watchedTraits: ['plan', 'status', 'mrr'],
        baselineAt: this.tables.signalsBaselineAt,
      }),
      clear: async () => {
        this.tables.signalsBaselineAt = null;
      },
    },
    signals: {
      record: async (_, signals) => {
        const fresh = signals.filter((signal) => !this.tables.signals.some((stored) => stored.id === signal.id));
        this.tables.signals.push(...fresh);
        return fresh.length;
      },
    },
    dailyCounts: {
      addCounts: async (_, rows) => {
        if (rows.some((row) => row.event.includes('\u0000'))) throw nulInText();
        for (const row of rows) {
          const key = `${row.userId}|${row.accountId}|${row.event}|${row.day}`;
          this.tables.counts[key] = (this.tables.counts[key] ?? 0) + row.count;
        }
      },
    },
  };
}
