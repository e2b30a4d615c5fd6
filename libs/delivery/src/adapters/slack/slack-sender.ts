import { IncomingWebhook, IncomingWebhookHTTPError, IncomingWebhookRequestError, type FetchFunction } from '@slack/webhook';
import type { Signal } from '@coil/signals';
import type { Destination } from '../../contracts/destination';
import type { SendResult } from '../../contracts/send-result';
import type { SignalSender } from '../../contracts/senders';
import { describeNetworkError, excerpt, refusedResult, unreachableResult } from '../http-outcome';
import { digestMessage, signalMessage, type DashboardLinks } from './slack-message';

/** What the Slack sender needs of the config (CoilConfig has both). */
export interface SlackSenderConfig extends DashboardLinks {
  readonly deliveryTimeoutMs: number;
}

/**
 * Posts signals to a Slack incoming webhook (the URL is the destination's secret): one signal as
 * one message, a digest as one message listing them. The library's own retries stay off (its
 * default), so the engine's schedule decides when to try again.
 */
export class SlackSender implements SignalSender {
  constructor(private readonly config: SlackSenderConfig) {}

  async send(destination: Destination, signals: readonly Signal[]): Promise<SendResult> {
    if (signals.length === 0) return { outcome: 'delivered', response: 'nothing to send' };
    const url = destination.secret;
    if (url === null || !URL.canParse(url)) return { outcome: 'failed', error: 'the destination has no valid Slack webhook URL' };
    const message = signals.length === 1 ? signalMessage(signals[0], this.config) : digestMessage(signals, this.config);
    // The library's HTTP error carries the status and body but not the headers: keep Retry-After here.
    let retryAfter: string | null = null;
    const fetchKeepingRetryAfter: FetchFunction = async (input, init) => {
      const response = await fetch(input, init);
      retryAfter = response.headers.get('retry-after');
      return response;
    };
    const webhook = new IncomingWebhook(url, { timeout: this.config.deliveryTimeoutMs, fetch: fetchKeepingRetryAfter });
    try {
      const result = await webhook.send(message);
      return { outcome: 'delivered', statusCode: 200, response: excerpt(result.text) };
    } catch (error) {
      if (error instanceof IncomingWebhookHTTPError) return refusedResult(error.statusCode, retryAfter, error.body);
      if (error instanceof IncomingWebhookRequestError) return unreachableResult(describeNetworkError(error.original));
      return unreachableResult(describeNetworkError(error));
    }
  }
}
