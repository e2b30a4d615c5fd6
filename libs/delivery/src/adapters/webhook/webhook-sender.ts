import { Webhook } from 'standardwebhooks';
import type { Signal } from '@coil/signals';
import type { Destination } from '../../contracts/destination';
import type { SendResult } from '../../contracts/send-result';
import type { SignalSender } from '../../contracts/senders';
import { describeNetworkError, excerpt, refusedResult, unreachableResult } from '../http-outcome';

/**
 * POSTs each signal as JSON, signed per Standard Webhooks with the destination's `whsec_`
 * secret; the signal id is the `webhook-id`, so a receiver that dedupes sees it once.
 */
export class WebhookSender implements SignalSender {
  constructor(private readonly timeoutMs: number) {}

  async send(destination: Destination, signals: readonly Signal[]): Promise<SendResult> {
    if (signals.length !== 1) return { outcome: 'failed', error: 'a webhook sends one signal per request' };
    if (destination.secret === null) return { outcome: 'failed', error: 'the destination has no signing secret' };
    const [signal] = signals;
    const body = JSON.stringify(signal);
    const timestamp = new Date();
    let response: Response;
    try {
      response = await fetch(destination.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'Coil-Webhooks/1',
          'webhook-id': signal.id,
          'webhook-timestamp': String(Math.floor(timestamp.getTime() / 1000)),
          'webhook-signature': new Webhook(destination.secret).sign(signal.id, timestamp, body),
        },
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      return unreachableResult(describeNetworkError(error));
    }
    const text = await response.text().catch(() => '');
    if (response.ok) return { outcome: 'delivered', statusCode: response.status, response: excerpt(text) };
    return refusedResult(response.status, response.headers.get('retry-after'), text);
  }
}
