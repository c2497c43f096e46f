import { DynamoDBClient, GetItemCommand, PutItemCommand, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { randomUUID } from 'node:crypto';
import { describe, expect, inject, it } from 'vitest';
import { ensureTable } from '../../local/create-table.ts';

/** `npm start` keeps its table in `.data/`: a table of an older layout must not linger with unlistable records. */
describe('the local table across versions', () => {
  const client = new DynamoDBClient({ endpoint: inject('dynamoEndpoint'), region: 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  const record = { pk: { S: 'ORDER#kept' }, sk: { S: 'ITEM#000' } };

  it('keeps a table of this layout, and makes one of another layout again (with a notice)', async () => {
    const tableName = `layout-${randomUUID().slice(0, 8)}`;
    const notices: string[] = [];
    expect(await ensureTable(client, tableName, (line) => notices.push(line))).toBe('created');
    await client.send(new PutItemCommand({ TableName: tableName, Item: record }));

    expect(await ensureTable(client, tableName, (line) => notices.push(line))).toBe('exists');
    expect((await client.send(new GetItemCommand({ TableName: tableName, Key: record }))).Item).toBeDefined();
    expect(notices).toEqual([]);

    // As if an older version had made it.
    await client.send(
      new UpdateItemCommand({ TableName: tableName, Key: { pk: { S: 'LOCAL#TABLE' }, sk: { S: 'LAYOUT' } }, UpdateExpression: 'SET layout = :old', ExpressionAttributeValues: { ':old': { S: 'older' } } }),
    );
    expect(await ensureTable(client, tableName, (line) => notices.push(line))).toBe('created');
    expect((await client.send(new GetItemCommand({ TableName: tableName, Key: record }))).Item).toBeUndefined();
    expect(notices).toEqual([expect.stringContaining('another layout')]);
  });
});
