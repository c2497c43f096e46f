import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Seller } from '#domain/sellers/seller.ts';
import { send, tableName } from './dynamo-client.ts';
import { sellerKey } from './keys.ts';
import { reading, storageFault } from './faults.ts';

export interface SellerRecord extends Seller {
  pk: string;
  sk: string;
  kind: 'SELLER';
}

export const toSeller = ({ id, name, storeName, gstin, address, pickupLocation, updatedAt }: SellerRecord): Seller => ({
  id, name, storeName, gstin, address, pickupLocation, updatedAt,
});

/** Creates or replaces the profile in one write; tells which it was. */
export async function writeSeller(seller: Seller): Promise<'created' | 'replaced'> {
  const record: SellerRecord = { ...sellerKey(seller.id), kind: 'SELLER', ...seller };
  try {
    const output = await send(new PutCommand({ TableName: tableName(), Item: record, ReturnValues: 'ALL_OLD' }));
    return output.Attributes === undefined ? 'created' : 'replaced';
  } catch (error) {
    throw storageFault(error, 'write');
  }
}

export async function readSeller(sellerId: string): Promise<Seller | undefined> {
  const output = await reading(() => send(new GetCommand({ TableName: tableName(), Key: sellerKey(sellerId) })));
  return output.Item ? toSeller(output.Item as SellerRecord) : undefined;
}
