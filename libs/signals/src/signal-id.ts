import { createHash } from 'node:crypto';
import type { SignalKind, SubjectType } from './signal';

/**
 * A signal's id, derived from the workspace, the kind, the subject and the transition itself
 * (a UTC day, a membership time, a message id), so a re-run or a retried job derives the same
 * id and stores nothing twice. It is also the delivery's idempotency key (`webhook-id`).
 */
export function signalId(workspaceId: string, kind: SignalKind, subject: { type: SubjectType; id: string }, transition: string): string {
  const digest = createHash('sha256').update([workspaceId, kind, subject.type, subject.id, transition].join('\u0000')).digest('hex');
  return `sig_${digest.slice(0, 32)}`;
}
