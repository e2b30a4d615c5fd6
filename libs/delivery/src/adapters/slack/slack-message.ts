import type { IncomingWebhookSendArguments } from '@slack/webhook';
import type { Signal } from '@coil/signals';
import { signalSentence, subjectKey, subjectName } from './signal-sentence';

type SlackMessage = IncomingWebhookSendArguments & { text: string; blocks: SlackBlock[] };
type SlackBlock = NonNullable<IncomingWebhookSendArguments['blocks']>[number];

/** outbound.md: a digest lists at most this many signals, then the count of the rest. */
export const DIGEST_LIMIT = 20;
/** Slack's limit for a header's text. */
const HEADER_CHARS = 150;
/** A sentence's length before escaping: a long trait value cannot push a section past Slack's 3,000 characters. */
const SENTENCE_CHARS = 500;

/** Where the message's links point: the dashboard served by the api (dashboard.md). */
export interface DashboardLinks {
  readonly publicUrl: string;
}

/** One signal: a header with the subject, what happened in words, a context line with the time. */
export function signalMessage(signal: Signal, links: DashboardLinks): SlackMessage {
  const sentence = sentenceOf(signal);
  const subject = signal.subject;
  return {
    text: sentence,
    blocks: [
      { type: 'header', text: { type: 'plain_text', text: truncate(subjectName(subject), HEADER_CHARS) } },
      { type: 'section', text: { type: 'mrkdwn', text: escapeMrkdwn(sentence) } },
      {
        type: 'context',
        elements: [
          {
            type: 'mrkdwn',
            text: [
              `${subject.type} ${linkTo(subjectUrl(signal, links), subjectKey(subject))}`,
              slackTime(signal.occurred_at),
              `<${feedUrl(links)}|feed>`,
            ].join(' · '),
          },
        ],
      },
    ],
  };
}

/** Several signals (a digest interval): one line each, at most DIGEST_LIMIT, then "and N more". */
export function digestMessage(signals: readonly Signal[], links: DashboardLinks): SlackMessage {
  const listed = signals.slice(0, DIGEST_LIMIT);
  const rest = signals.length - listed.length;
  const title = `${signals.length} ${signals.length === 1 ? 'signal' : 'signals'} from Coil`;
  const lines: SlackBlock[] = listed.map((signal) => ({
    type: 'section',
    text: { type: 'mrkdwn', text: `• ${escapeMrkdwn(sentenceOf(signal))} · ${slackTime(signal.occurred_at)}` },
  }));
  const more = rest > 0 ? `and ${rest} more in the <${feedUrl(links)}|feed>` : `<${feedUrl(links)}|Open the feed>`;
  return {
    text:
      rest > 0
        ? `${title}: ${listed.map(signalSentence).join('; ')}; and ${rest} more`
        : `${title}: ${listed.map(signalSentence).join('; ')}`,
    blocks: [
      { type: 'header', text: { type: 'plain_text', text: title } },
      ...lines,
      { type: 'context', elements: [{ type: 'mrkdwn', text: more }] },
    ],
  };
}

function sentenceOf(signal: Signal): string {
  return truncate(signalSentence(signal), SENTENCE_CHARS);
}

export function feedUrl(links: DashboardLinks): string {
  return `${links.publicUrl}/app/feed`;
}

/** Accounts have a page in the dashboard; users are found from their account, so they link to the feed. */
function subjectUrl(signal: Signal, links: DashboardLinks): string {
  return signal.subject.type === 'account' ? `${links.publicUrl}/app/accounts/${signal.subject.id}` : feedUrl(links);
}

function linkTo(url: string, label: string): string {
  return `<${url}|${escapeMrkdwn(label).replace(/\|/g, '¦')}>`;
}

/** Slack's date token: shown in the reader's time zone, the UTC time as the fallback. */
function slackTime(occurredAt: string): string {
  const at = new Date(occurredAt);
  const fallback = `${at.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  return `<!date^${Math.floor(at.getTime() / 1000)}^{date_short_pretty} at {time}|${fallback}>`;
}

/** The three characters Slack asks to escape in text it formats. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
