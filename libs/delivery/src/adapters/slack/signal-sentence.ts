import type { Signal, SignalSubject, TraitValue } from '@coil/signals';

/** The subject as people call it: its name, else its tracking or external id. */
export function subjectName(subject: SignalSubject): string {
  return subject.name ?? subjectKey(subject);
}

/** The id the customer's own systems know the subject by. */
export function subjectKey(subject: SignalSubject): string {
  return subject.type === 'account' ? subject.tracking_id : subject.external_id;
}

/**
 * What happened, in one plain sentence ("Acme entered Champions", "Acme's score rose from 40
 * to 62 (hot)"). Plain text: the Slack message escapes and formats it.
 */
export function signalSentence(signal: Signal): string {
  const name = subjectName(signal.subject);
  switch (signal.kind) {
    case 'score_changed': {
      const { profile, before, after, trend } = signal.data;
      const score = profile === 'default' ? 'score' : `${profile} score`;
      if (before === null) return `${name}'s ${score} is ${formatNumber(after)} (${trend})`;
      const verb = after > before ? 'rose' : after < before ? 'fell' : 'stayed';
      return `${name}'s ${score} ${verb} from ${formatNumber(before)} to ${formatNumber(after)} (${trend})`;
    }
    case 'segment_entered':
      return `${name} entered ${signal.data.segment.name}`;
    case 'segment_exited':
      return `${name} left ${signal.data.segment.name}`;
    case 'trait_changed': {
      const { trait, before, after } = signal.data;
      if (before === null) return `${name}'s ${trait} was set to ${formatTrait(after)}`;
      if (after === null) return `${name}'s ${trait} was cleared (was ${formatTrait(before)})`;
      return `${name}'s ${trait} changed from ${formatTrait(before)} to ${formatTrait(after)}`;
    }
    case 'feature_first_used':
      return `${name} used ${signal.data.feature.name} for the first time (${signal.data.event})`;
    case 'activated':
      return `${name} completed the activation checklist`;
  }
}

/** Scores are stored with decimals; one is enough to read. */
function formatNumber(value: number): string {
  return String(Math.round(value * 10) / 10);
}

function formatTrait(value: TraitValue): string {
  return typeof value === 'number' ? formatNumber(value) : String(value);
}
