import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Seller } from '#domain/sellers/seller.ts';
import { documents, tableName } from './dynamo-client.ts';
import { sellerKey } from './keys.ts';

interface SellerRecord extends Seller {
  pk: string;
  sk: string;
  kind: 'SELLER';
}

const toSeller = ({ id, name, storeName, gstin, address, pickupLocation, updatedAt }: SellerRecord): Seller => ({
  id, name, storeName, gstin, address, pickupLocation, updatedAt,
});

/** Creates or replaces the profile in one write; tells which it was. */
export async function putSeller(seller: Seller): Promise<{ created: boolean }> {
  const record: SellerRecord = { ...sellerKey(seller.id), kind: 'SELLER', ...seller };
  const output = await documents.send(new PutCommand({ TableName: tableName(), Item: record, ReturnValues: 'ALL_OLD' }));
  return { created: output.Attributes === undefined };
}

export async function readSeller(sellerId: string): Promise<Seller | undefined> {
  const output = await documents.send(new GetCommand({ TableName: tableName(), Key: sellerKey(sellerId) }));
  return output.Item ? toSeller(output.Item as SellerRecord) : undefined;
}
