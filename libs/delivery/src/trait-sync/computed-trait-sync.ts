import { formatUtcDay } from '@coil/scoring';
import type { Destination } from '../contracts/destination';
import type { SendResult } from '../contracts/send-result';
import { computedTraits, traitNaming, type ComputedTraits, type TraitNaming } from './computed-traits';
import { SyncTally } from './sync-tally';
import { changedTraits } from './trait-diff';
import type { AccountTraitChange, PushOutcome, TraitSink, UserTraitChange } from './trait-sink';
import type { AccountTraitSource, TraitPage, TraitSourceRepository, UserTraitSource } from './trait-source.repository';
import type { TraitStateRepository, TraitSubjectType } from './trait-state.repository';

/** Subjects read, diffed and sent per round: bounded memory whatever the workspace's size. */
export const SYNC_PAGE_SIZE = 1000;

type Sources = Pick<TraitSourceRepository, 'profiles' | 'accounts' | 'users'>;
type States = Pick<TraitStateRepository, 'sent' | 'record'>;

/** One subject type's path through a sync: how its page is read, its traits made, its changes sent. */
interface SubjectPass<S extends { id: string }, C> {
  readonly type: TraitSubjectType;
  load(page: TraitPage): Promise<S[]>;
  traits(subject: S): ComputedTraits;
  change(subject: S, changed: ComputedTraits): C;
  push(changes: readonly C[]): Promise<PushOutcome>;
}

/**
 * A reverse sync (outbound.md): pages through the workspace's accounts (then users), computes
 * their traits, keeps only those that changed since what this destination last received, sends
 * them through the sink, and records the state only for the subjects it accepted (or has no
 * record of), so a failed sync resends exactly what did not arrive. Stops at the first page that fails as a whole.
 */
export class ComputedTraitSync {
  constructor(
    private readonly sources: Sources,
    private readonly states: States,
    private readonly pageSize = SYNC_PAGE_SIZE,
  ) {}

  async run(destination: Destination, now: Date, sink: TraitSink): Promise<SendResult> {
    const tally = new SyncTally();
    try {
      const naming = traitNaming(destination.settings.trait_prefix, await this.sources.profiles(destination.workspaceId));
      const failure =
        (await this.pass(destination, now, tally, this.accountPass(destination, naming, sink))) ??
        (sink.users === null ? undefined : await this.pass(destination, now, tally, this.userPass(destination, naming, sink.users)));
      return failure === undefined ? tally.result() : tally.stoppedBy(failure);
    } finally {
      await sink.close();
    }
  }

  private accountPass(destination: Destination, naming: TraitNaming, sink: TraitSink): SubjectPass<AccountTraitSource, AccountTraitChange> {
    return {
      type: 'account',
      load: (page) => this.sources.accounts(destination.workspaceId, page),
      traits: (account) => computedTraits(naming, account.scores, account.segments),
      change: (account, traits) => ({
        id: account.id,
        trackingId: account.trackingId,
        domain: account.domain,
        memberExternalId: account.memberExternalId,
        traits,
      }),
      push: (changes) => sink.accounts(changes),
    };
  }

  private userPass(
    destination: Destination,
    naming: TraitNaming,
    push: (changes: readonly UserTraitChange[]) => Promise<PushOutcome>,
  ): SubjectPass<UserTraitSource, UserTraitChange> {
    return {
      type: 'user',
      load: (page) => this.sources.users(destination.workspaceId, page),
      traits: (user) => computedTraits(naming, user.scores),
      change: (user, traits) => ({ id: user.id, externalId: user.externalId, traits }),
      push,
    };
  }

  /** Every page of one subject type; the failure that stopped it, if one did. */
  private async pass<S extends { id: string }, C>(
    destination: Destination,
    now: Date,
    tally: SyncTally,
    pass: SubjectPass<S, C>,
  ): Promise<SendResult | undefined> {
    const { workspaceId, id: destinationId } = destination;
    const day = formatUtcDay(now);
    let afterId = '0';
    for (;;) {
      const subjects = await pass.load({ afterId, limit: this.pageSize, day, segments: destination.segments });
      if (subjects.length === 0) return undefined;
      const sent = await this.states.sent(
        workspaceId,
        destinationId,
        pass.type,
        subjects.map((subject) => subject.id),
      );
      const current = new Map(subjects.map((subject) => [subject.id, pass.traits(subject)]));
      const changes = subjects.flatMap((subject) => {
        const changed = changedTraits(current.get(subject.id) ?? {}, sent.get(subject.id));
        return changed === null ? [] : [pass.change(subject, changed)];
      });
      if (changes.length > 0) {
        const outcome = await pass.push(changes);
        tally.add(pass.type, outcome);
        const recorded = [...outcome.accepted, ...outcome.unmatched].map((subjectId) => ({
          subjectId,
          traits: current.get(subjectId) ?? {},
        }));
        await this.states.record(workspaceId, destinationId, pass.type, recorded, now);
        if (outcome.failure !== undefined) return outcome.failure;
      }
      afterId = subjects[subjects.length - 1].id;
    }
  }
}
