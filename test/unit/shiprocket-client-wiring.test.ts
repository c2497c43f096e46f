import { DynamoDBDocumentClient, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SHIPROCKET_BASE_URL, shiprocket } from '../../functions/courier/shiprocket-client.ts';
import { FakeShiprocket, json } from './shiprocket-client-fakes.ts';

const documents = mockClient(DynamoDBDocumentClient);
const in9Days = new Date(Date.now() + 9 * 24 * 3600_000).toISOString();

beforeEach(() => documents.reset());
afterEach(() => {
  vi.unstubAllEnvs();
  vi.unstubAllGlobals();
});

describe('shiprocket(): the client of the container', () => {
  it('is made on first use and reused; made again when its configuration changes', () => {
    vi.stubEnv('SHIPROCKET_BASE_URL', 'http://127.0.0.1:9/a');
    const first = shiprocket();
    expect(shiprocket()).toBe(first);
    vi.stubEnv('SHIPROCKET_BASE_URL', 'http://127.0.0.1:9/b');
    expect(shiprocket()).not.toBe(first);
    expect(DEFAULT_SHIPROCKET_BASE_URL).toBe('https://apiv2.shiprocket.in/v1/external');
  });

  it('calls SHIPROCKET_BASE_URL with the token of the table record COURIER#shiprocket / TOKEN', async () => {
    const fake = new FakeShiprocket().on('GET /courier/track/awb/*', () => json({ tracking_data: { track_status: 0 } }));
    fake.validTokens.add('token-from-table');
    vi.stubGlobal('fetch', fake.fetch);
    vi.stubEnv('SHIPROCKET_BASE_URL', 'https://shiprocket.test/v1/external/');
    documents.on(GetCommand, { Key: { pk: 'COURIER#shiprocket', sk: 'TOKEN' } }).resolves({
      Item: { pk: 'COURIER#shiprocket', sk: 'TOKEN', kind: 'COURIER_TOKEN', token: 'token-from-table', obtainedAt: new Date().toISOString(), refreshAfter: in9Days, tokenExpiresAt: in9Days },
    });
    await expect(shiprocket().trackAwb('A1')).resolves.toMatchObject({ found: false, awb: 'A1' });
    expect(fake.requestsTo('GET /courier/track/awb/A1').map((request) => request.token)).toEqual(['token-from-table']);
    expect(documents.commandCalls(GetCommand)[0]!.args[0].input).toMatchObject({ TableName: 'unit-table', ConsistentRead: true });
    expect(documents.commandCalls(UpdateCommand)).toHaveLength(0);
    expect(fake.logins).toBe(0);
  });
});
