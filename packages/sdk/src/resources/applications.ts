import type { APIPromise } from '../core/api-promise.js';
import type { RequestOptions } from '../core/options.js';
import { path } from '../core/path.js';
import type { PagePromise } from '../pagination.js';
import {
  type Application,
  type ApplicationSecret,
  parseApplication,
  parseApplicationSecret,
} from '../parse/management.js';
import { APIResource, assertId, dataOf, type PageParams, pageQuery } from './resource.js';

/** Applications of the Management API (reference §4.3; shapes undocumented, read tolerantly). */
export class Applications extends APIResource {
  /** Lists applications. `for await` walks every page. */
  list(params: PageParams = {}, options?: RequestOptions): PagePromise<Application> {
    return this.paginateData(
      { surface: 'managementApi', method: 'GET', path: '/v3/applications', query: pageQuery(params) },
      options,
      'Application list',
      parseApplication,
    );
  }

  /** One application. @throws NotFoundError for an unknown id */
  retrieve(applicationId: string, options?: RequestOptions): APIPromise<Application> {
    assertId('applicationId', applicationId);
    return this.call(
      { surface: 'managementApi', method: 'GET', path: path`/v3/applications/${applicationId}` },
      options,
      (response) => parseApplication(dataOf(response.body, 'Application')),
    );
  }

  /**
   * Lists an application's client secrets: an id, a hint (the last
   * characters) and the creation time of each, never a secret's value.
   * Nothing is sent until the result is awaited or iterated; pages follow
   * `links.next`, and `for await` walks every one. `params.pageSize` is
   * secrets per page, 1–100; the server's default is undocumented (Paddock's
   * emulator: 25).
   *
   * @throws TypeError at once for an empty `applicationId` or a bad page param
   * @throws NotFoundError when awaited, for an unknown id or another application's
   */
  listSecrets(
    applicationId: string,
    params: PageParams = {},
    options?: RequestOptions,
  ): PagePromise<ApplicationSecret> {
    assertId('applicationId', applicationId);
    return this.paginateData(
      {
        surface: 'managementApi',
        method: 'GET',
        path: path`/v3/applications/${applicationId}/secrets`,
        query: pageQuery(params),
      },
      options,
      'Application secret list',
      (item) => parseApplicationSecret(item, applicationId),
    );
  }
}
