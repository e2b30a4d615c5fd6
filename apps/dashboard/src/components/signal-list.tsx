import type { Signal } from '../api/api-types';
import { formatScore, formatTime, humanize } from '../format';
import { Empty } from './status-message';

/** What a signal says, in one line. */
function describe(signal: Signal): string {
  switch (signal.kind) {
    case 'score_changed':
      return `Score ${signal.data.before === null ? '' : `${formatScore(signal.data.before)} → `}${formatScore(signal.data.after)}, now ${signal.data.trend}`;
    case 'segment_entered':
      return `Entered ${signal.data.segment.name}`;
    case 'segment_exited':
      return `Left ${signal.data.segment.name}`;
    case 'trait_changed':
      return `${signal.data.trait}: ${String(signal.data.before)} → ${String(signal.data.after)}`;
    case 'feature_first_used':
      return `First used ${signal.data.feature.name} (${signal.data.event})`;
    case 'activated':
      return `Activated: ${signal.data.checklist.steps.join(', ')}`;
  }
}

function subjectName(signal: Signal): string {
  const subject = signal.subject;
  return subject.name ?? (subject.type === 'account' ? subject.tracking_id : subject.external_id);
}

/** Signals newest first; account signals link to their account. */
export function SignalList({ signals, showSubject = true }: { signals: Signal[]; showSubject?: boolean }) {
  if (signals.length === 0) return <Empty>No signals yet.</Empty>;
  return (
    <ol class="signal-list">
      {signals.map((signal) => (
        <li key={signal.id} class={`signal signal-${signal.kind}`}>
          <span class="signal-kind">{humanize(signal.kind)}</span>
          {showSubject && (
            <span class="signal-subject">
              {signal.subject.type === 'account' ? (
                <a href={`/app/accounts/${signal.subject.id}`}>{subjectName(signal)}</a>
              ) : (
                `User ${subjectName(signal)}`
              )}
            </span>
          )}
          <span class="signal-text">{describe(signal)}</span>
          <time dateTime={signal.occurred_at}>{formatTime(signal.occurred_at)}</time>
        </li>
      ))}
    </ol>
  );
}
