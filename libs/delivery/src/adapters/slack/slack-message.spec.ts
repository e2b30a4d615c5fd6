import type { Signal } from '@coil/signals';
import { DIGEST_LIMIT, digestMessage, signalMessage } from './slack-message';
import { signalSentence } from './signal-sentence';

const links = { publicUrl: 'https://coil.example.com' };
const acme = { type: 'account', id: '7', tracking_id: 'acme-1', name: 'Acme' } as const;
const base = { id: 'sig_1', workspace_id: '1', subject: acme, occurred_at: '2026-12-02T06:40:00.000Z' };

function segmentEntered(name: string, subject: Signal['subject'] = acme): Signal {
  return { ...base, subject, kind: 'segment_entered', data: { segment: { id: '3', name } } };
}

describe('signalSentence', () => {
  it.each<[string, Signal]>([
    ['Acme entered Champions', segmentEntered('Champions')],
    ['Acme left Champions', { ...base, kind: 'segment_exited', data: { segment: { id: '3', name: 'Champions' } } }],
    [
      "Acme's score rose from 40 to 62 (hot)",
      { ...base, kind: 'score_changed', data: { profile: 'default', before: 40, after: 62, change: 22, trend: 'hot' } },
    ],
    [
      "Acme's Sales score fell from 62.3 to 40 (cold)",
      { ...base, kind: 'score_changed', data: { profile: 'Sales', before: 62.25, after: 40, change: -22.25, trend: 'cold' } },
    ],
    [
      "Acme's score is 12.3 (steady)",
      { ...base, kind: 'score_changed', data: { profile: 'default', before: null, after: 12.34, change: null, trend: 'steady' } },
    ],
    ["Acme's plan changed from trial to pro", { ...base, kind: 'trait_changed', data: { trait: 'plan', before: 'trial', after: 'pro' } }],
    ["Acme's mrr was set to 99", { ...base, kind: 'trait_changed', data: { trait: 'mrr', before: null, after: 99 } }],
    [
      "Acme's status was cleared (was active)",
      { ...base, kind: 'trait_changed', data: { trait: 'status', before: 'active', after: null } },
    ],
    [
      'Acme used Reports for the first time (Report Created)',
      { ...base, kind: 'feature_first_used', data: { feature: { id: '2', name: 'Reports' }, event: 'Report Created' } },
    ],
    [
      'Acme completed the activation checklist',
      { ...base, kind: 'activated', data: { checklist: { steps: ['a'], required_users: null } } },
    ],
  ])('says %p', (sentence, signal) => {
    expect(signalSentence(signal)).toBe(sentence);
  });

  it('names a subject without a name by its tracking or external id', () => {
    expect(signalSentence(segmentEntered('New', { type: 'user', id: '9', external_id: 'u-9', name: null }))).toBe('u-9 entered New');
  });
});

describe('signalMessage', () => {
  it('is a header with the name, the sentence, and a context line with id, time and links', () => {
    const message = signalMessage(segmentEntered('<Champions & co>'), links);

    expect(message.text).toBe('Acme entered <Champions & co>');
    expect(message.blocks).toEqual([
      { type: 'header', text: { type: 'plain_text', text: 'Acme' } },
      { type: 'section', text: { type: 'mrkdwn', text: 'Acme entered &lt;Champions &amp; co&gt;' } },
      {
        type: 'context',
        elements: [
          {
            type: 'mrkdwn',
            text:
              'account <https://coil.example.com/app/accounts/7|acme-1> · ' +
              '<!date^1796193600^{date_short_pretty} at {time}|2026-12-02 06:40 UTC> · <https://coil.example.com/app/feed|feed>',
          },
        ],
      },
    ]);
  });

  it('cuts a name longer than a Slack header allows, and a sentence long enough to overflow a section once escaped', () => {
    const message = signalMessage(segmentEntered('New', { ...acme, name: 'x'.repeat(200) }), links);
    expect(message.blocks[0]).toEqual({ type: 'header', text: { type: 'plain_text', text: `${'x'.repeat(149)}…` } });

    const long = signalMessage({ ...base, kind: 'trait_changed', data: { trait: 'notes', before: null, after: '&'.repeat(5000) } }, links);
    const section = long.blocks[1] as { text: { text: string } };
    expect(section.text.text.length).toBeLessThanOrEqual(3000);
    expect(section.text.text).toMatch(/^Acme's notes was set to (&amp;)+…$/);
  });
});

describe('digestMessage', () => {
  it('lists every signal of a short digest and links the feed', () => {
    const message = digestMessage([segmentEntered('A'), segmentEntered('B')], links);

    expect(message.blocks.map((block) => block.type)).toEqual(['header', 'section', 'section', 'context']);
    expect(message.blocks[0]).toEqual({ type: 'header', text: { type: 'plain_text', text: '2 signals from Coil' } });
    expect(JSON.stringify(message.blocks[2])).toContain('• Acme entered B · <!date^');
    expect(JSON.stringify(message.blocks[3])).toContain('<https://coil.example.com/app/feed|Open the feed>');
  });

  it(`lists at most ${DIGEST_LIMIT} signals, then how many more, with a link to the feed`, () => {
    const signals = Array.from({ length: 27 }, (_, index) => segmentEntered(`S${index}`));
    const message = digestMessage(signals, links);

    const sections = message.blocks.filter((block) => block.type === 'section');
    expect(sections).toHaveLength(DIGEST_LIMIT);
    expect(JSON.stringify(sections[DIGEST_LIMIT - 1])).toContain('Acme entered S19');
    expect(message.blocks[message.blocks.length - 1]).toEqual({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: 'and 7 more in the <https://coil.example.com/app/feed|feed>' }],
    });
    expect(message.text).toMatch(/^27 signals from Coil: Acme entered S0; .*; and 7 more$/);
  });
});
