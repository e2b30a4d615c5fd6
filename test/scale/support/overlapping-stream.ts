import type { IngestEvent } from '@coil/domain';
import { ingestEvent, track } from '../../worker/support/event-factory';

export interface OverlappingStream {
  /** One array per queue job, in queue order. */
  jobs: IngestEvent[][];
  /** Expected count per `${userId}|${groupId ?? ''}|${event}|${day}` (countsByKey's key). */
  counts: Map<string, number>;
  users: Set<string>;
  accounts: Set<string>;
  /** `${userId}|${groupId}` of every membership the stream states. */
  memberships: Set<string>;
  /** The `seq` trait each user / account must end with: that of its newest identify / group. */
  userSeq: Map<string, number>;
  accountSeq: Map<string, number>;
}

export interface OverlapShape {
  jobs: number;
  eventsPerJob: number;
  /** Consecutive jobs that meet the same brand-new users and accounts (>= the jobs in flight). */
  jobsPerWave: number;
}

const CORE_USERS = 10;
const CORE_ACCOUNTS = 3;
const WAVE_USERS = 20;
const WAVE_ACCOUNTS = 5;
const EVENT_NAMES = ['Report Created', 'Dashboard Viewed', 'Export Run'];
const DAYS = ['2026-10-01', '2026-10-02'];
const TRAIT_UPDATES_PER_JOB = 5;

/**
 * A stream built for contention: every job of a wave counts into the same few hundred
 * (user, account, event, day) rows as the others, creates the same new users, accounts and
 * memberships, and updates the traits of the same people, so concurrent jobs always overlap.
 * Users and accounts shared by all waves ("core") keep overlapping across waves too.
 */
export function overlappingStream(shape: OverlapShape): OverlappingStream {
  const stream: OverlappingStream = {
    jobs: [],
    counts: new Map(),
    users: new Set(),
    accounts: new Set(),
    memberships: new Set(),
    userSeq: new Map(),
    accountSeq: new Map(),
  };
  for (let job = 0; job < shape.jobs; job += 1) {
    const wave = Math.floor(job / shape.jobsPerWave);
    const users = [
      ...Array.from({ length: CORE_USERS }, (_, i) => `core-user-${i}`),
      ...Array.from({ length: WAVE_USERS }, (_, i) => `wave-${wave}-user-${i}`),
    ];
    const accounts = [
      ...Array.from({ length: CORE_ACCOUNTS }, (_, i) => `core-acct-${i}`),
      ...Array.from({ length: WAVE_ACCOUNTS }, (_, i) => `wave-${wave}-acct-${i}`),
    ];
    stream.jobs.push(jobEvents(stream, job, shape.eventsPerJob, users, accounts));
  }
  return stream;
}

function jobEvents(stream: OverlappingStream, job: number, size: number, users: string[], accounts: string[]): IngestEvent[] {
  const events: IngestEvent[] = [];
  // A later job carries newer traits, so the last job of the stream that names a row wins.
  const traitTime = new Date(Date.UTC(2026, 9, 3, 0, 0, job)).toISOString();
  for (let k = 0; k < TRAIT_UPDATES_PER_JOB; k += 1) {
    const userId = users[(job + k * 7) % users.length];
    const groupId = accounts[(job + k) % accounts.length];
    events.push(ingestEvent({ type: 'identify', userId, traits: { seq: job }, timestamp: traitTime }));
    events.push(ingestEvent({ type: 'group', userId, groupId, traits: { seq: job }, timestamp: traitTime }));
    stream.userSeq.set(userId, job);
    stream.accountSeq.set(groupId, job);
    note(stream, userId, groupId);
  }
  for (let i = events.length; i < size; i += 1) {
    const userId = users[(i * 7 + job) % users.length];
    // Every third event names no account: it is counted under account 0.
    const groupId = i % 3 === 0 ? undefined : accounts[(i + job) % accounts.length];
    const name = EVENT_NAMES[i % EVENT_NAMES.length];
    const day = DAYS[(i >> 1) % DAYS.length];
    events.push(track(userId, name, `${day}T12:00:00.000Z`, groupId ? { groupId } : {}));
    const key = `${userId}|${groupId ?? ''}|${name}|${day}`;
    stream.counts.set(key, (stream.counts.get(key) ?? 0) + 1);
    note(stream, userId, groupId);
  }
  return events;
}

function note(stream: OverlappingStream, userId: string, groupId: string | undefined): void {
  stream.users.add(userId);
  if (groupId === undefined) return;
  stream.accounts.add(groupId);
  stream.memberships.add(`${userId}|${groupId}`);
}
