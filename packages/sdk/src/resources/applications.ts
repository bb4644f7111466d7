import type { APIPromise } from '../core/api-promise.js';
import type { RequestOptions } from '../core/options.js';
import { path } from '../core/path.js';
import type { PagePromise } from '../pagination.js';
import { type Application, parseApplication } from '../parse/management.js';
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
}
