import { LIST_ERRORS, RESOURCE_ERRORS, SIGNAL_ERRORS, VEHICLE_READ_ERRORS } from './error-statuses.js';
import type { OperationSpec } from './operation-types.js';

/** Connections, users, vehicles and signals of the Vehicle API (reference §3.2–3.4). */
export const VEHICLE_OPERATIONS: readonly OperationSpec[] = [
  {
    operationId: 'listConnections',
    method: 'get',
    path: '/v3/connections',
    surface: 'vehicleApi',
    tag: 'Connections',
    summary: 'List connections',
    description: 'Newest first. Does not count toward a vehicle’s request allowance (reference §3.2).',
    parameters: [
      'ConnectionsFilterUserId',
      'ConnectionsFilterVehicleId',
      'ConnectionsFilterVehicleMode',
      'ConnectionsFilterUserExternalId',
      'ScUserIdFilter',
      'PageNumber',
      'ConnectionsPageSize',
    ],
    responses: { 200: { description: 'A page of connections.', schema: 'ConnectionListResponse' } },
    errors: LIST_ERRORS,
  },
  {
    operationId: 'getConnection',
    method: 'get',
    path: '/v3/connections/{connectionId}',
    surface: 'vehicleApi',
    tag: 'Connections',
    summary: 'Get a connection',
    responses: { 200: { description: 'The connection.', schema: 'ConnectionResponse' } },
    errors: RESOURCE_ERRORS,
  },
  {
    operationId: 'deleteConnection',
    method: 'delete',
    path: '/v3/connections/{connectionId}',
    surface: 'vehicleApi',
    tag: 'Connections',
    summary: 'Revoke a connection',
    responses: { 204: { description: 'Revoked (status unconfirmed by Smartcar, reference §3.2 ⚠).' } },
    errors: RESOURCE_ERRORS,
  },
  {
    operationId: 'deleteUser',
    method: 'delete',
    path: '/v3/users/{userId}',
    surface: 'vehicleApi',
    tag: 'Connections',
    summary: 'Delete a user and all their connections',
    responses: { 204: { description: 'Deleted.' } },
    errors: RESOURCE_ERRORS,
  },
  {
    operationId: 'getVehicle',
    method: 'get',
    path: '/v3/vehicles/{vehicleId}',
    surface: 'vehicleApi',
    tag: 'Vehicles',
    summary: 'Get a vehicle',
    responses: { 200: { description: 'The vehicle.', schema: 'VehicleResponse' } },
    errors: VEHICLE_READ_ERRORS,
  },
  {
    operationId: 'listSignals',
    method: 'get',
    path: '/v3/vehicles/{vehicleId}/signals',
    surface: 'vehicleApi',
    tag: 'Signals',
    summary: 'List the signals the connection may read',
    description:
      'Every signal on one page. A signal that fails carries its own `status.error` and does not fail ' +
      'the request. Each `attributes.body` follows the signal catalogue (`SIGNALS` in the contract), ' +
      'which is keyed by code and so cannot be tied to a body schema here.',
    parameters: ['ScUserId', 'ScUnitSystem'],
    responses: { 200: { description: 'The signals.', schema: 'SignalListResponse' } },
    errors: SIGNAL_ERRORS,
  },
  {
    operationId: 'getSignal',
    method: 'get',
    path: '/v3/vehicles/{vehicleId}/signals/{signalCode}',
    surface: 'vehicleApi',
    tag: 'Signals',
    summary: 'Get one signal',
    description:
      'The signal object at top level, as the docs show it; a `{ data, included }` wrapping is also seen ' +
      '(reference §3.4 ⚠), which clients of the contract accept but the document does not promise.',
    parameters: ['ScUserId', 'ScUnitSystem'],
    responses: { 200: { description: 'The signal.', schema: 'Signal' } },
    errors: SIGNAL_ERRORS,
  },
];
