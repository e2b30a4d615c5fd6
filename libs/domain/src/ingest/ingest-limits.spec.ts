import { eventTooLarge, MAX_EVENT_BYTES } from './ingest-limits';
import { normalizeRequest } from './normalize-request';
import { testContext, thrown } from './testing/normalize-test-context';

const big = { type: 'track', userId: 'u', event: 'e', traits: { pad: 'x'.repeat(MAX_EVENT_BYTES) } };

describe('the event size limit', () => {
  it('gives one answer to an event over the limit, alone or in a batch', () => {
    const alone = thrown(() => normalizeRequest('segment', big, testContext()));
    expect(alone.toBody()).toEqual(eventTooLarge().toBody());
    expect(alone.toBody()).toEqual({
      error: {
        message: 'An event may be at most 32 KB',
        status: 'payload_too_large',
        code: 'payload_too_large',
        details: { limit_bytes: 32768 },
      },
    });

    const { rejected } = normalizeRequest('v1/batch', { batch: [big, { type: 'track', userId: 'u', event: 'e' }] }, testContext());
    expect(rejected).toEqual([{ index: 0, code: 'payload_too_large', message: 'An event may be at most 32 KB', path: '/batch/0' }]);
  });
});
