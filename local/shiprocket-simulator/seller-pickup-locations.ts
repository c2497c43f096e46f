import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { PickupAddress } from './simulator-state.ts';

/**
 * In Shiprocket a seller's pickup nickname exists once someone registers it in the panel. Locally,
 * the runtime registers with the simulator the `pickupLocation` of every profile saved through
 * `PUT /sellers/{sellerId}` (the demo sellers use `Primary`, which it knows from the start).
 */

export interface PickupLocationRegistry {
  addPickupLocation(name: string, address?: Partial<PickupAddress>): unknown;
}

interface SellerProfile {
  pickupLocation?: unknown;
  address?: { line1?: unknown; city?: unknown; state?: unknown; postalCode?: unknown };
}

const text = (value: unknown) => (typeof value === 'string' ? value : undefined);

function register(registry: PickupLocationRegistry, profile: SellerProfile): boolean {
  const name = text(profile.pickupLocation);
  if (!name) return false;
  const address = profile.address ?? {};
  registry.addPickupLocation(name, { address: text(address.line1), city: text(address.city), state: text(address.state), pinCode: text(address.postalCode) });
  return true;
}

export const PUT_SELLER_ROUTE = 'PUT /sellers/{sellerId}';

/** For the local API server's `onHandled`: a profile saved (200/201) with a pickup location registers it. */
export function learnFromSavedSeller(registry: PickupLocationRegistry) {
  return (routeKey: string, result: APIGatewayProxyStructuredResultV2): void => {
    if (routeKey !== PUT_SELLER_ROUTE || (result.statusCode !== 200 && result.statusCode !== 201) || !result.body) return;
    let profile: unknown;
    try {
      profile = JSON.parse(result.isBase64Encoded ? Buffer.from(result.body, 'base64').toString('utf8') : result.body);
    } catch {
      return;
    }
    if (typeof profile === 'object' && profile !== null) register(registry, profile as SellerProfile);
  };
}

/**
 * The locations learned, kept in a file of the data directory (Shiprocket's panel keeps them for
 * good; the simulator itself starts empty each time): read back at start, written on each new one.
 * Without a file (in-memory runs) they live as long as the simulator.
 */
export function persistedPickupLocations(registry: PickupLocationRegistry, file: string | undefined): PickupLocationRegistry {
  if (!file) return registry;
  const known: Record<string, Partial<PickupAddress>> = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, Partial<PickupAddress>>) : {};
  for (const [name, address] of Object.entries(known)) registry.addPickupLocation(name, address);
  return {
    addPickupLocation(name, address) {
      registry.addPickupLocation(name, address);
      known[name] = address ?? {};
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, JSON.stringify(known, null, 2));
    },
  };
}
