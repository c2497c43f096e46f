/**
 * Counts the work of a phase of a parcel's life as AWS would bill it: DynamoDB request units per
 * table and per index (the handlers' own client asks every request for `ReturnConsumedCapacity:
 * INDEXES`; reads are counted as DynamoDB Local reports them, writes computed from the records
 * before and after, see item-size.ts), S3 requests and bytes put, and the API requests (each one
 * API Gateway request and one Lambda invocation) with their measured duration.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { BatchGetCommand, DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { S3Client } from '@aws-sdk/client-s3';
import { LIST_KEYS_DESIGN, LIST_SUMMARY_DESIGN, writeUnits, type Item } from './item-size.ts';

export interface PhaseCount {
  /** Request units by where they were spent: `table` or `index:<name>`. */
  readUnits: Record<string, number>;
  writeUnits: Record<string, number>;
  /** The same writes if the list indexes copied no history (item-size.ts, LIST_SUMMARY_DESIGN). */
  summaryDesignWriteUnits: number;
  /** The same writes if the list indexes copied keys and filter attributes only (LIST_KEYS_DESIGN). */
  keysDesignWriteUnits: number;
  dynamoRequests: Record<string, number>;
  s3Puts: number;
  s3Gets: number;
  s3BytesPut: number;
  /** One per API request (API Gateway + Lambda), with the handler's wall time. */
  invocations: number;
  invocationMs: number;
}

const emptyCount = (): PhaseCount => ({ readUnits: {}, writeUnits: {}, summaryDesignWriteUnits: 0, keysDesignWriteUnits: 0, dynamoRequests: {}, s3Puts: 0, s3Gets: 0, s3BytesPut: 0, invocations: 0, invocationMs: 0 });

interface Capacity {
  CapacityUnits?: number;
  Table?: { CapacityUnits?: number };
  GlobalSecondaryIndexes?: Record<string, { CapacityUnits?: number }>;
}

const add = (into: Record<string, number>, key: string, units: number) => {
  if (units > 0) into[key] = (into[key] ?? 0) + units;
};

type Key = { pk: string; sk: string };
type Input = Record<string, any>;

/** The records a write command touches, and whether it is a transaction (twice the units). */
function writtenKeys(name: string, input: Input): { tableName: string; keys: Key[]; transactional: boolean } | undefined {
  const keyOf = (item: Input): Key => ({ pk: item.pk, sk: item.sk });
  if (name === 'PutItem') return { tableName: input.TableName, keys: [keyOf(input.Item)], transactional: false };
  if (name === 'UpdateItem' || name === 'DeleteItem') return { tableName: input.TableName, keys: [keyOf(input.Key)], transactional: false };
  if (name === 'TransactWriteItems') {
    const actions = (input.TransactItems as Input[]).map((action) => action.Put ?? action.Update ?? action.Delete ?? action.ConditionCheck);
    return { tableName: actions[0].TableName, keys: actions.map((action) => keyOf(action.Item ?? action.Key)), transactional: true };
  }
  return undefined;
}

const recordId = (key: Key) => `${key.pk}|${key.sk}`;

type Stack = { add: (middleware: unknown, options: { step: string; name: string }) => void; remove: (name: string) => boolean };

export class Meter {
  readonly phases = new Map<string, PhaseCount>();
  /** Every record written while metering (its storage is priced at the end). */
  readonly writtenRecords = new Map<string, Key & { tableName: string }>();
  private current = emptyCount();
  private raw?: DynamoDBDocumentClient;

  /** Reads records past the meter (the bench's own reads are not the handlers' cost). */
  async readRecords(tableName: string, keys: readonly Key[]): Promise<Map<string, Item>> {
    this.raw ??= DynamoDBDocumentClient.from(
      new DynamoDBClient({ endpoint: process.env.DYNAMODB_ENDPOINT, region: 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }),
    );
    const found = new Map<string, Item>();
    const unique = [...new Map(keys.map((key) => [recordId(key), { pk: key.pk, sk: key.sk }])).values()];
    for (let start = 0; start < unique.length; start += 100) {
      const output = await this.raw.send(new BatchGetCommand({ RequestItems: { [tableName]: { Keys: unique.slice(start, start + 100), ConsistentRead: true } } }));
      for (const item of output.Responses?.[tableName] ?? []) found.set(recordId(item as Key), item);
    }
    return found;
  }

  /** Starts counting into `phase` (phases may repeat: their counts add up). */
  enter(phase: string): void {
    let count = this.phases.get(phase);
    if (!count) this.phases.set(phase, (count = emptyCount()));
    this.current = count;
  }

  /** Times one API request (one API Gateway request and one Lambda invocation in AWS). */
  async invocation<T>(call: () => Promise<T>): Promise<T> {
    const started = performance.now();
    try {
      return await call();
    } finally {
      this.current.invocations += 1;
      this.current.invocationMs += performance.now() - started;
    }
  }

  watchDynamo(client: DynamoDBDocumentClient): void {
    const stack = client.middlewareStack as unknown as Stack;
    stack.remove('costMeter');
    stack.add(
      (next: (args: { input: Record<string, unknown> }) => Promise<{ output: { ConsumedCapacity?: Capacity | Capacity[] } }>, context: { commandName?: string }) =>
        async (args: { input: Record<string, unknown> }) => {
          args.input.ReturnConsumedCapacity = 'INDEXES';
          const name = (context.commandName ?? 'unknown').replace('Command', '').replace(/^(Get|Put|Update|Delete|BatchGet|BatchWrite)$/, '$1Item');
          const phase = this.current;
          add(phase.dynamoRequests, name, 1);
          const written = writtenKeys(name, args.input);
          if (!written) {
            const result = await next(args);
            for (const consumed of [result.output.ConsumedCapacity ?? []].flat()) {
              add(phase.readUnits, 'table', consumed.Table?.CapacityUnits ?? 0);
              for (const [index, entry] of Object.entries(consumed.GlobalSecondaryIndexes ?? {})) add(phase.readUnits, `index:${index}`, entry.CapacityUnits ?? 0);
            }
            return result;
          }
          const before = await this.readRecords(written.tableName, written.keys);
          let failed = false;
          try {
            return await next(args);
          } catch (error) {
            failed = true;
            throw error;
          } finally {
            const after = failed ? before : await this.readRecords(written.tableName, written.keys);
            for (const key of written.keys) {
              const id = recordId(key);
              this.writtenRecords.set(id, { ...key, tableName: written.tableName });
              const units = failed ? { table: writeUnits(before.get(id), undefined, written.transactional, []).table! } : writeUnits(before.get(id), after.get(id), written.transactional);
              for (const [target, value] of Object.entries(units)) add(phase.writeUnits, target, value);
              const asDesigned = (design: typeof LIST_SUMMARY_DESIGN) => (failed ? units.table! : sumUnits(writeUnits(before.get(id), after.get(id), written.transactional, design)));
              phase.summaryDesignWriteUnits += asDesigned(LIST_SUMMARY_DESIGN);
              phase.keysDesignWriteUnits += asDesigned(LIST_KEYS_DESIGN);
            }
          }
        },
      { step: 'initialize', name: 'costMeter' },
    );
  }

  watchS3(client: S3Client): void {
    const stack = client.middlewareStack as unknown as Stack;
    stack.remove('costMeter');
    stack.add(
      (next: (args: { input: { Body?: unknown } }) => Promise<unknown>, context: { commandName?: string }) => async (args: { input: { Body?: unknown } }) => {
        const name = context.commandName ?? '';
        if (name === 'PutObjectCommand') {
          this.current.s3Puts += 1;
          const body = args.input.Body;
          this.current.s3BytesPut += typeof body === 'string' ? Buffer.byteLength(body) : body instanceof Uint8Array ? body.byteLength : 0;
        } else {
          this.current.s3Gets += 1;
        }
        return next(args);
      },
      // Where a request really goes out: presigning a link builds one but never sends it.
      { step: 'finalizeRequest', name: 'costMeter' },
    );
  }
}

export const sumUnits = (units: Record<string, number>) => Object.values(units).reduce((sum, value) => sum + value, 0);
