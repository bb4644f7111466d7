import { IAM_TOKEN_PATH } from '../hosts.js';
import { TOKEN_ERRORS } from './error-statuses.js';
import type { OperationSpec } from './operation-types.js';
import { CHARGE_SCHEDULE_OPERATIONS } from './operations-charge-schedules.js';
import { COMMAND_OPERATIONS } from './operations-commands.js';
import { MANAGEMENT_OPERATIONS } from './operations-management.js';
import { VEHICLE_OPERATIONS } from './operations-vehicle.js';

/** The IAM token endpoint (reference §2). */
const IAM_OPERATIONS: readonly OperationSpec[] = [
  {
    operationId: 'requestAccessToken',
    method: 'post',
    path: IAM_TOKEN_PATH,
    surface: 'iam',
    tag: 'IAM',
    summary: 'Request an application access token (client credentials)',
    description:
      'The documented request is a form body carrying the client id and secret. Smartcar’s own spec models ' +
      'the same fields as JSON, and HTTP Basic client authentication is seen in the wild (reference §2 ⚠); ' +
      'the contract’s body schema always names the credentials, so a Basic-only body (just `grant_type`) ' +
      'is accepted by Paddock but not described here. The token is valid for an hour and has no refresh token.',
    requestBody: {
      schema: 'TokenRequest',
      required: true,
      mediaTypes: ['application/x-www-form-urlencoded', 'application/json'],
    },
    responses: { 200: { description: 'An application access token.', schema: 'TokenResponse' } },
    errors: TOKEN_ERRORS,
  },
];

/** Every operation of the Smartcar v3 surface the contract models: the table the document is built from. */
export const OPERATIONS: readonly OperationSpec[] = [
  ...IAM_OPERATIONS,
  ...VEHICLE_OPERATIONS,
  ...COMMAND_OPERATIONS,
  ...CHARGE_SCHEDULE_OPERATIONS,
  ...MANAGEMENT_OPERATIONS,
];
