import { Client } from '@hubspot/api-client';
import {
  ApiException,
  FilterOperatorEnum,
  type BatchResponseSimplePublicObject,
  type BatchResponseSimplePublicObjectWithErrors,
  type SimplePublicObjectBatchInput,
} from '@hubspot/api-client/lib/codegen/crm/companies';
import { withTimeout } from '@coil/platform';
import type { SendResult } from '../../contracts/send-result';
import type { AccountTraitChange, PushOutcome, TraitSink } from '../../trait-sync/trait-sink';
import { describeNetworkError, refusedResult, unreachableResult } from '../http-outcome';
import { companyProperties, normalizeDomain } from './company-properties';

/** HubSpot's limit for a batch update and for the values of an IN filter. */
const BATCH_SIZE = 100;
/** The company property holding Coil's tracking id; it must be created in HubSpot as a unique property. */
export const TRACKING_ID_PROPERTY = 'coil_tracking_id';

export interface HubSpotPortal {
  readonly accessToken: string;
  /** HubSpot's API (https://api.hubapi.com) or a stand-in for it. */
  readonly basePath: string;
  readonly match: 'domain' | 'coil_tracking_id';
  readonly timeoutMs: number;
}

/** A company update and the Coil account it is for. */
interface Target {
  readonly accountId: string;
  readonly input: SimplePublicObjectBatchInput;
}

type Answer<T> = { readonly value: T } | { readonly failure: SendResult };

const NOT_FOUND = 'OBJECT_NOT_FOUND';

/**
 * Updates HubSpot companies with computed traits (accounts only: contacts are not synced), 100
 * per batch update. Companies are found by the `coil_tracking_id` property (the default: the
 * update names it as idProperty) or by domain (a search per 100 domains, then an update by
 * HubSpot id); accounts without a company are counted and recorded as sent (trait-sink.ts
 * says why). The library's retries stay off (its default, numberOfApiCallRetries
 * unset) so the engine's schedule rules; it has no request timeout of its own, so each call is
 * bounded here (what times out is reported as no response and retried).
 */
export class HubSpotSink implements TraitSink {
  readonly users = null;
  private readonly client: Client;

  constructor(private readonly portal: HubSpotPortal) {
    this.client = new Client({ accessToken: portal.accessToken, basePath: portal.basePath });
  }

  async accounts(changes: readonly AccountTraitChange[]): Promise<PushOutcome> {
    const found = await this.targets(changes);
    if ('failure' in found) return { accepted: [], unmatched: [], rejected: 0, failure: found.failure };
    const targeted = new Set(found.value.map((item) => item.accountId));
    const accepted: string[] = [];
    const unmatched = changes.filter((change) => !targeted.has(change.id)).map((change) => change.id);
    let rejected = 0;
    let rejection: string | undefined;
    let statusCode: number | undefined;
    for (let start = 0; start < found.value.length; start += BATCH_SIZE) {
      const batch = found.value.slice(start, start + BATCH_SIZE);
      const answer = await this.call(() => this.client.crm.companies.batchApi.update({ inputs: batch.map((item) => item.input) }));
      if ('failure' in answer) return { accepted, unmatched, rejected, rejection, failure: answer.failure };
      const result = batchResult(batch, answer.value);
      accepted.push(...result.accepted);
      unmatched.push(...result.unmatched);
      rejected += result.rejected;
      rejection ??= result.rejection;
      statusCode = result.accepted.length === batch.length ? 200 : 207;
    }
    return {
      accepted,
      unmatched,
      rejected,
      ...(rejection === undefined ? {} : { rejection }),
      ...(statusCode === undefined ? {} : { statusCode }),
    };
  }

  async close(): Promise<void> {}

  private async targets(changes: readonly AccountTraitChange[]): Promise<Answer<Target[]>> {
    if (this.portal.match === TRACKING_ID_PROPERTY) {
      return { value: changes.map((change) => target(change, change.trackingId, TRACKING_ID_PROPERTY)) };
    }
    const withDomain = changes.filter((change) => change.domain !== null && normalizeDomain(change.domain) !== '');
    const companies = await this.companiesByDomain([...new Set(withDomain.map((change) => normalizeDomain(change.domain ?? '')))]);
    if ('failure' in companies) return companies;
    // Two accounts with one domain would name one company twice in a batch, which HubSpot refuses: the first wins.
    const used = new Set<string>();
    const targets = withDomain.flatMap((change) => {
      const companyId = companies.value.get(normalizeDomain(change.domain ?? ''));
      if (companyId === undefined || used.has(companyId)) return [];
      used.add(companyId);
      return [target(change, companyId)];
    });
    return { value: targets };
  }

  /** HubSpot company id by normalised domain; of several companies with one domain, the oldest (lowest id). */
  private async companiesByDomain(domains: readonly string[]): Promise<Answer<Map<string, string>>> {
    const found = new Map<string, string>();
    for (let start = 0; start < domains.length; start += BATCH_SIZE) {
      const values = domains.slice(start, start + BATCH_SIZE);
      let after: string | undefined;
      do {
        const answer = await this.call(() =>
          this.client.crm.companies.searchApi.doSearch({
            filterGroups: [{ filters: [{ propertyName: 'domain', operator: FilterOperatorEnum.In, values }] }],
            properties: ['domain'],
            limit: BATCH_SIZE,
            ...(after === undefined ? {} : { after }),
          }),
        );
        if ('failure' in answer) return answer;
        for (const company of answer.value.results) {
          const domain = normalizeDomain(company.properties.domain ?? '');
          const known = found.get(domain);
          if (domain !== '' && (known === undefined || BigInt(company.id) < BigInt(known))) found.set(domain, company.id);
        }
        after = answer.value.paging?.next?.after;
      } while (after !== undefined);
    }
    return { value: found };
  }

  private async call<T>(request: () => Promise<T>): Promise<Answer<T>> {
    try {
      return { value: await withTimeout(request(), this.portal.timeoutMs, 'HubSpot request') };
    } catch (error) {
      if (error instanceof ApiException) return { failure: refusedResult(error.code, retryAfterOf(error.headers), bodyText(error.body)) };
      return { failure: unreachableResult(describeNetworkError(error)) };
    }
  }
}

function target(change: AccountTraitChange, id: string, idProperty?: string): Target {
  const input: SimplePublicObjectBatchInput = { id, properties: companyProperties(change.traits), objectWriteTraceId: change.id };
  return { accountId: change.id, input: idProperty === undefined ? input : { ...input, idProperty } };
}

/**
 * Which accounts of a batch HubSpot updated. A 207 answer lists the companies updated (by the
 * objectWriteTraceId sent, the account id) and errors for the others: OBJECT_NOT_FOUND (naming
 * the ids in its context) means no company has that tracking id; any other error refused that
 * company's values.
 */
function batchResult(
  batch: readonly Target[],
  response: BatchResponseSimplePublicObject | BatchResponseSimplePublicObjectWithErrors,
): { accepted: string[]; unmatched: string[]; rejected: number; rejection?: string } {
  const errors = 'errors' in response ? (response.errors ?? []) : [];
  if (errors.length === 0) return { accepted: batch.map((item) => item.accountId), unmatched: [], rejected: 0 };
  const traced = new Set(response.results.flatMap((company) => (company.objectWriteTraceId ? [company.objectWriteTraceId] : [])));
  const erredIds = new Set(errors.flatMap((error) => error.context?.ids ?? []));
  const updated = (item: Target): boolean => (traced.size > 0 ? traced.has(item.accountId) : !erredIds.has(item.input.id));
  const notFound = errors.filter((error) => error.category === NOT_FOUND);
  const notFoundIds = new Set(notFound.flatMap((error) => error.context?.ids ?? []));
  const failed = batch.filter((item) => !updated(item));
  const unmatched = failed.filter((item) => notFound.length === errors.length || notFoundIds.has(item.input.id));
  const refusal = errors.find((error) => error.category !== NOT_FOUND);
  return {
    accepted: batch.filter(updated).map((item) => item.accountId),
    unmatched: unmatched.map((item) => item.accountId),
    rejected: failed.length - unmatched.length,
    ...(refusal === undefined ? {} : { rejection: `${refusal.category}: ${refusal.message}` }),
  };
}

function retryAfterOf(headers: unknown): string | undefined {
  if (typeof headers !== 'object' || headers === null) return undefined;
  const value = (headers as Record<string, unknown>)['retry-after'];
  return typeof value === 'string' ? value : undefined;
}

function bodyText(body: unknown): string {
  return typeof body === 'string' ? body : (JSON.stringify(body) ?? '');
}
