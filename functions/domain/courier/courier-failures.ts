import { ShiprocketError } from '#courier/shiprocket-api.ts';
import { UpstreamError, ValidationError } from '../errors.ts';

/** Shiprocket's field names → the request's, so a refused create names what the seller sent. */
const FIELD_PATHS: Record<string, string> = {
  pickup_location: 'pickupLocation',
  weight: 'weightKg',
  length: 'lengthCm',
  breadth: 'breadthCm',
  height: 'heightCm',
  courier_id: 'courierId',
};

/** Shiprocket refused what the seller asked for: 400 with Shiprocket's own message and fields. */
export function refusedRequest(error: ShiprocketError): ValidationError {
  const details = Object.entries(error.fieldErrors).map(([field, messages]) => ({ path: FIELD_PATHS[field] ?? `shiprocket.${field}`, message: messages.join(' ') }));
  if (details.length === 0 && /pickup location/i.test(error.message)) details.push({ path: 'pickupLocation', message: error.message });
  return new ValidationError(`Shiprocket refused the order: ${error.message}`, details.length > 0 ? details : undefined);
}

/** Shiprocket failed (after retries) or refused a step the seller cannot fix: 502, the parcel left resumable. */
export const upstreamFailure = (error: ShiprocketError, what: string): UpstreamError =>
  new UpstreamError(`Shiprocket ${error.failure === 'unavailable' ? 'did not answer' : 'refused'} ${what}: ${error.message}`);

export const isShiprocketError = (error: unknown): error is ShiprocketError => error instanceof ShiprocketError;
