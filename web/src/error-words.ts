import { ApiError, NetworkError } from './api.ts';

/** What went wrong, in words for the person at the panel; `context` says what they were doing. */
export function errorWords(error: unknown, context?: { conflict?: string }): string {
  if (error instanceof NetworkError) return 'The server could not be reached. Check your connection and try again.';
  if (!(error instanceof ApiError)) return error instanceof Error ? error.message : 'Something went wrong.';
  switch (error.code) {
    case 'VALIDATION_FAILED':
      return error.details.length > 0
        ? `Please check: ${error.details.map((detail) => `${fieldName(detail.path)} — ${detail.message}`).join('; ')}.`
        : `Please check the form: ${error.message}`;
    case 'CONFLICT':
      return context?.conflict ? `${context.conflict} (${error.message})` : `This can no longer be done: ${error.message} Reload and try again.`;
    case 'NOT_FOUND':
      return 'This was not found. It may have been deleted meanwhile.';
    case 'FORBIDDEN':
      return 'Your account may not do this.';
    case 'UNAUTHORIZED':
      return 'Your sign-in has expired. Please sign in again.';
    case 'UPSTREAM_ERROR':
      return `The courier (Shiprocket) did not accept this: ${error.message} Nothing was changed; try again.`;
    case 'UNAVAILABLE':
      return 'The service is busy. Nothing was changed; try again in a moment.';
    case 'OUTCOME_UNKNOWN':
      return 'The service did not confirm in time whether this was saved. Reload to see, then try again if needed.';
    default:
      return error.message || `The request failed (HTTP ${error.status}).`;
  }
}

const FIELD_NAMES: Record<string, string> = {
  deliveryPersonId: 'Delivery person',
  pickupLocation: 'Pickup location',
  weightKg: 'Weight',
  lengthCm: 'Length',
  breadthCm: 'Breadth',
  heightCm: 'Height',
  courierId: 'Courier',
  itemIds: 'Items',
  reason: 'Reason',
  name: 'Name',
  phone: 'Phone',
};

const fieldName = (path: string) => FIELD_NAMES[path] ?? path;
