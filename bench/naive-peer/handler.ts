/**
 * The naive peer of the cold-start bench: what a table function looks like written the plain way —
 * the DocumentClient over a default DynamoDBClient (full default credential chain) and one GetItem.
 * bench/bundles.ts bundles it with esbuild (minified ESM for node22, nothing else) and times its
 * import alternately with the project's own bundles.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';

const client = DynamoDBDocumentClient.from(new DynamoDBClient({}));

export const handler = async (event: { pathParameters?: { id?: string } }) => {
  const { Item } = await client.send(new GetCommand({ TableName: process.env.TABLE_NAME, Key: { pk: event.pathParameters?.id } }));
  return Item ? { statusCode: 200, body: JSON.stringify(Item) } : { statusCode: 404, body: '' };
};
