import { IncomingWebhook, IncomingWebhookHTTPError, type FetchFunction } from '@slack/webhook';
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
    // The library's errors keep the status and body but neither the headers (Retry-After) nor,
    // when fetch's error is not an Error of its realm, the cause: both are kept here.
    let retryAfter: string | null = null;
    let networkError: unknown;
    const fetchKeepingDetails: FetchFunction = async (input, init) => {
      try {
        const response = await fetch(input, init);
        retryAfter = response.headers.get('retry-after');
        return response;
      } catch (error) {
        networkError = error;
        throw error;
      }
    };
    const webhook = new IncomingWebhook(url, { timeout: this.config.deliveryTimeoutMs, fetch: fetchKeepingDetails });
    try {
      const result = await webhook.send(message);
      return { outcome: 'delivered', statusCode: 200, response: excerpt(result.text) };
    } catch (error) {
      if (error instanceof IncomingWebhookHTTPError) return refusedResult(error.statusCode, retryAfter, error.body);
      return unreachableResult(describeNetworkError(networkError ?? error));
    }
  }
}
