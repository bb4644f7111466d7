import type { APIPromise } from '../core/api-promise.js';
import type { RequestOptions } from '../core/options.js';
import { path } from '../core/path.js';
import type { RequestContext } from '../core/request.js';
import type { PagePromise } from '../pagination.js';
import { parseWebhook, type Webhook } from '../parse/management.js';
import { answerChallenge } from '../webhooks/challenge.js';
import type { WebhookEvent } from '../webhooks/events.js';
import { type RawBody, verifyWebhook } from '../webhooks/signature.js';
import { unwrapWebhook } from '../webhooks/unwrap.js';
import { APIResource, assertId, dataOf, type PageParams, pageQuery } from './resource.js';

/** Filters and paging of `GET /v3/webhooks` (server page size 50, at most 100). */
export interface WebhookListParams extends PageParams {
  /** `filter[name]`. */
  name?: string;
  /** `filter[callbackUri]`. */
  callbackUri?: string;
  /** `filter[isEnabled]`. */
  isEnabled?: boolean;
  /** `filter[autoSubscribe]`. */
  autoSubscribe?: boolean;
}

/**
 * Webhooks: the Management API's read-only list (reference §4.1; webhooks
 * are created in Smartcar's dashboard), and receiving deliveries with the
 * client's `managementToken`.
 */
export class Webhooks extends APIResource {
  readonly #managementToken: string | undefined;

  constructor(ctx: RequestContext, managementToken: string | undefined) {
    super(ctx);
    this.#managementToken = managementToken;
  }

  /** Lists the application's webhooks. `for await` walks every page. */
  list(params: WebhookListParams = {}, options?: RequestOptions): PagePromise<Webhook> {
    const { name, callbackUri, isEnabled, autoSubscribe } = params;
    if (name !== undefined) assertId('name', name);
    if (callbackUri !== undefined) assertId('callbackUri', callbackUri);
    for (const [key, value] of Object.entries({ isEnabled, autoSubscribe })) {
      if (value !== undefined && typeof value !== 'boolean') throw new TypeError(`${key} must be a boolean`);
    }
    const query = {
      'filter[name]': name,
      'filter[callbackUri]': callbackUri,
      'filter[isEnabled]': isEnabled,
      'filter[autoSubscribe]': autoSubscribe,
      ...pageQuery(params),
    };
    return this.paginateData(
      { surface: 'managementApi', method: 'GET', path: '/v3/webhooks', query },
      options,
      'Webhook list',
      parseWebhook,
    );
  }

  /** One webhook with its triggers and data signals. @throws NotFoundError for an unknown id */
  retrieve(webhookId: string, options?: RequestOptions): APIPromise<Webhook> {
    assertId('webhookId', webhookId);
    return this.call(
      { surface: 'managementApi', method: 'GET', path: path`/v3/webhooks/${webhookId}` },
      options,
      (response) => parseWebhook(dataOf(response.body, 'Webhook')),
    );
  }

  /** `verifyWebhook()` with the client's management token. */
  verify(rawBody: RawBody, signatureHeader: string | null | undefined): boolean {
    return verifyWebhook(rawBody, signatureHeader, this.#token());
  }

  /** `unwrapWebhook()` with the client's management token: verify, then parse. */
  unwrap(rawBody: RawBody, signatureHeader: string | null | undefined): WebhookEvent {
    return unwrapWebhook(rawBody, signatureHeader, this.#token());
  }

  /** `answerChallenge()` with the client's management token: the JSON to answer a `VERIFY` with. */
  answerChallenge(challenge: string): { challenge: string } {
    return answerChallenge(challenge, this.#token());
  }

  #token(): string {
    if (this.#managementToken === undefined || this.#managementToken === '') {
      throw new TypeError(
        'This client has no managementToken (option, or SMARTCAR_MANAGEMENT_TOKEN in fromEnv)',
      );
    }
    return this.#managementToken;
  }
}
