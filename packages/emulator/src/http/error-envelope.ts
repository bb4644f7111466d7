import { type ErrorType, errorDocsUrl, type ResolutionType, type V3ErrorEnvelope } from '@paddock/contract';
import type { ApiError } from './api-error.js';

const DEFAULT_RESOLUTION: Partial<Record<ErrorType, ResolutionType>> = {
  AUTHENTICATION: 'REAUTHENTICATE',
  RATE_LIMIT: 'RETRY_LATER',
  UPSTREAM: 'RETRY_LATER',
  SERVER: 'RETRY_LATER',
  VEHICLE_STATE: 'RETRY_LATER',
  BILLING: 'CONTACT_SUPPORT',
  CONNECTED_SERVICES_ACCOUNT: 'REAUTHENTICATE',
};

const DEFAULT_USER_MESSAGE: Record<ErrorType, string> = {
  AUTHENTICATION: 'The app could not sign in to Smartcar. Please try again.',
  PERMISSION: 'This app does not have permission to do that. Please reconnect your vehicle.',
  VALIDATION: 'Something went wrong with the request. Please try again.',
  RESOURCE_NOT_FOUND: 'We could not find what you asked for.',
  VEHICLE_STATE: 'Your vehicle cannot do that right now.',
  RATE_LIMIT: 'Too many requests. Please try again later.',
  BILLING: 'This app has reached its plan limits.',
  COMPATIBILITY: "Your car doesn't support this feature.",
  CONNECTED_SERVICES_ACCOUNT: 'Please check your connected-services account and reconnect.',
  UPSTREAM: 'Your vehicle manufacturer did not answer. Please try again later.',
  SERVER: 'Something went wrong on our side. Please try again later.',
};

/** `VEHICLE_NOT_FOUND` → `Vehicle not found`. */
function titleOf(codeOrType: string): string {
  const words = codeOrType.toLowerCase().replaceAll('_', ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Serialises an ApiError into Smartcar's v3 error envelope (reference §5.1). */
export function toErrorEnvelope(error: ApiError, requestId: string): V3ErrorEnvelope {
  const { type, code, options } = error;
  return {
    errors: [
      {
        status: String(error.status),
        type,
        code,
        title: options.title ?? titleOf(code ?? type),
        detail: options.detail ?? titleOf(code ?? type),
        links: { about: errorDocsUrl(type, code) },
        resolution: {
          type: options.resolution === undefined ? (DEFAULT_RESOLUTION[type] ?? null) : options.resolution,
        },
        suggestedUserMessage:
          options.suggestedUserMessage === undefined
            ? DEFAULT_USER_MESSAGE[type]
            : options.suggestedUserMessage,
        meta: { debug: { requestId } },
      },
    ],
  };
}
