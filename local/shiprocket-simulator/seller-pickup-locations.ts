import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, paginateScan } from '@aws-sdk/lib-dynamodb';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { sellerKey } from '../../functions/storage/keys.ts';
import type { PickupAddress } from './simulator-state.ts';

/**
 * In Shiprocket a seller's pickup nickname exists once someone registers it in the panel. Locally,
 * the runtime registers each seller profile's `pickupLocation` with the simulator: the profiles
 * already in the table when it starts (demo data included), then every profile saved through
 * `PUT /sellers/{sellerId}`.
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
 * Registers the pickup locations of the seller profiles in the local table. The simulator keeps
 * no state across restarts, the table does: one Scan of the local table at start-up (the
 * application itself never scans; profiles have no index to list them by).
 */
export async function learnSavedSellers(registry: PickupLocationRegistry, table: { endpoint: string; tableName: string }): Promise<number> {
  const client = DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint: table.endpoint, region: 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }));
  const { pk: sellerPrefix, sk: profileSort } = sellerKey('');
  let registered = 0;
  try {
    const pages = paginateScan(
      { client },
      {
        TableName: table.tableName,
        FilterExpression: 'begins_with(pk, :seller) AND sk = :profile AND attribute_exists(pickupLocation)',
        ExpressionAttributeValues: { ':seller': sellerPrefix, ':profile': profileSort },
        ProjectionExpression: 'pickupLocation, address',
      },
    );
    for await (const page of pages) {
      for (const item of page.Items ?? []) {
        if (register(registry, item as SellerProfile)) registered += 1;
      }
    }
  } finally {
    client.destroy();
  }
  return registered;
}
