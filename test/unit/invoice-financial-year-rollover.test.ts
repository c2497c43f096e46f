import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import {
  BatchGetCommand,
  DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
  type BatchGetCommandInput,
  type GetCommandInput,
  type PutCommandInput,
  type QueryCommandInput,
  type TransactWriteCommandInput,
  type UpdateCommandInput,
} from '@aws-sdk/lib-dynamodb';
import type { APIGatewayProxyResultV2, Context } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { PDFDocument } from 'pdf-lib';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { handler as createOrder } from '../../functions/handlers/orders/create-order.ts';
import { handler as createParcel } from '../../functions/handlers/parcels/create-parcel.ts';
import { handler as getParcelInvoice } from '../../functions/handlers/parcels/get-parcel-invoice.ts';
import { handler as putSeller } from '../../functions/handlers/sellers/put-seller.ts';
import { apiEvent, claims, json } from './support/events.ts';

/**
 * "31 March 23:59 IST vs 1 April 00:00 IST pick different years and the new year restarts at
 * 000001", through the real handler: DynamoDB is an in-memory stand-in that keeps records and
 * honours the conditions of the writes this flow makes (the seller, order and parcels are made by
 * their own handlers against it too); S3 only records the uploads (links are signed locally).
 */

type Item = Record<string, unknown>;
type Key = { pk: string; sk: string };
type Expression = { ConditionExpression?: string; ExpressionAttributeNames?: Record<string, string>; ExpressionAttributeValues?: Record<string, unknown> };

const idOf = (key: Item | Key) => `${String(key.pk)}|${String(key.sk)}`;
const copy = <T>(value: T): T => structuredClone(value);
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * One table of records by `pk|sk`, understanding exactly the expressions these flows send (and
 * failing loudly on any other, so a change of the code's expressions is noticed, not ignored).
 */
class TableStandIn {
  readonly records = new Map<string, Item>();
  /** Runs once before the next transaction is checked: another request's write landing in between. */
  beforeNextTransaction: (() => void) | undefined;

  put(item: Item): void {
    this.records.set(idOf(item), copy(item));
  }

  record(key: Key): Item | undefined {
    const found = this.records.get(idOf(key));
    return found && copy(found);
  }

  private path(expression: string, names: Record<string, string> | undefined): string[] {
    return expression.split('.').map((part) => {
      if (!part.startsWith('#')) return part;
      const name = names?.[part];
      if (name === undefined) throw new Error(`stand-in: ${part} is not in ExpressionAttributeNames`);
      return name;
    });
  }

  private valueOf(placeholder: string, values: Record<string, unknown> | undefined): unknown {
    if (!values || !(placeholder in values)) throw new Error(`stand-in: ${placeholder} is not in ExpressionAttributeValues`);
    return values[placeholder];
  }

  private at(item: Item | undefined, path: string[]): unknown {
    return path.reduce<unknown>((value, part) => (value !== null && typeof value === 'object' ? (value as Item)[part] : undefined), item);
  }

  /** `a AND b AND …` of attribute_exists/attribute_not_exists, `path = :v` and `path IN (:a, :b)`. */
  holds(item: Item | undefined, input: Expression): boolean {
    if (!input.ConditionExpression) return true;
    return input.ConditionExpression.split(' AND ').every((clause) => {
      const names = input.ExpressionAttributeNames;
      const values = input.ExpressionAttributeValues;
      let match: RegExpExecArray | null;
      if ((match = /^attribute_exists\(([\w#.]+)\)$/.exec(clause))) return this.at(item, this.path(match[1]!, names)) !== undefined;
      if ((match = /^attribute_not_exists\(([\w#.]+)\)$/.exec(clause))) return this.at(item, this.path(match[1]!, names)) === undefined;
      if ((match = /^([\w#.]+) = (:\w+)$/.exec(clause))) return same(this.at(item, this.path(match[1]!, names)), this.valueOf(match[2]!, values));
      if ((match = /^([\w#.]+) IN \(([:\w, ]+)\)$/.exec(clause))) {
        const value = this.at(item, this.path(match[1]!, names));
        return match[2]!.split(/,\s*/).some((placeholder) => same(value, this.valueOf(placeholder, values)));
      }
      throw new Error(`stand-in: condition clause not understood: ${clause}`);
    });
  }

  /** `SET p = :v, …` and `REMOVE p, …`; a missing record is created from its key (as DynamoDB's UpdateItem does). */
  private updated(existing: Item | undefined, input: UpdateCommandInput): Item {
    const item: Item = existing ? copy(existing) : { ...copy(input.Key as Item) };
    const sections = [...(input.UpdateExpression ?? '').matchAll(/(SET|REMOVE)\s+(.*?)(?=\s+(?:SET|REMOVE)\s|$)/g)];
    if (sections.length === 0) throw new Error(`stand-in: update expression not understood: ${input.UpdateExpression}`);
    for (const [, action, body] of sections) {
      for (const assignment of body!.split(/,\s*/)) {
        if (action === 'REMOVE') {
          const path = this.path(assignment.trim(), input.ExpressionAttributeNames);
          const parent = this.at(item, path.slice(0, -1)) as Item | undefined;
          if (parent) delete parent[path.at(-1)!];
          continue;
        }
        const match = /^([\w#.]+) = (:\w+)$/.exec(assignment.trim());
        if (!match) throw new Error(`stand-in: SET clause not understood: ${assignment}`);
        const path = this.path(match[1]!, input.ExpressionAttributeNames);
        const parent = path.length === 1 ? item : this.at(item, path.slice(0, -1));
        if (parent === null || typeof parent !== 'object') throw new Error(`stand-in: the document path ${match[1]} is invalid for update`);
        (parent as Item)[path.at(-1)!] = copy(this.valueOf(match[2]!, input.ExpressionAttributeValues));
      }
    }
    return item;
  }

  get(input: GetCommandInput) {
    return { Item: this.record(input.Key as Key) };
  }

  query(input: QueryCommandInput) {
    const match = /^pk = (:\w+)(?: AND begins_with\(sk, (:\w+)\))?$/.exec(input.KeyConditionExpression ?? '');
    if (!match || input.IndexName) throw new Error(`stand-in: query not understood: ${input.IndexName ?? ''} ${input.KeyConditionExpression}`);
    const pk = this.valueOf(match[1]!, input.ExpressionAttributeValues);
    const prefix = match[2] ? String(this.valueOf(match[2], input.ExpressionAttributeValues)) : '';
    const items = [...this.records.values()]
      .filter((item) => item.pk === pk && String(item.sk).startsWith(prefix))
      .sort((a, b) => String(a.sk).localeCompare(String(b.sk)));
    return { Items: copy(items) };
  }

  batchGet(input: BatchGetCommandInput) {
    const Responses = Object.fromEntries(
      Object.entries(input.RequestItems ?? {}).map(([table, { Keys }]) => [table, (Keys ?? []).flatMap((key) => this.record(key as Key) ?? [])]),
    );
    return { Responses, UnprocessedKeys: {} };
  }

  putItem(input: PutCommandInput) {
    const old = this.record(input.Item as Key);
    if (!this.holds(old, input)) throw new ConditionalCheckFailedException({ message: 'The conditional request failed', $metadata: {} });
    this.put(input.Item!);
    return input.ReturnValues === 'ALL_OLD' ? { Attributes: old } : {};
  }

  update(input: UpdateCommandInput) {
    const old = this.record(input.Key as Key);
    if (!this.holds(old, input)) throw new ConditionalCheckFailedException({ message: 'The conditional request failed', $metadata: {} });
    this.put(this.updated(old, input));
    return {};
  }

  /** All conditions checked first, then all writes: all or nothing, reasons per action as DynamoDB gives them. */
  transactWrite(input: TransactWriteCommandInput) {
    const hook = this.beforeNextTransaction;
    this.beforeNextTransaction = undefined;
    hook?.();
    const actions = input.TransactItems ?? [];
    const keys = actions.map((action) => {
      if (action.Put) return action.Put.Item as Key;
      if (action.Update) return action.Update.Key as Key;
      throw new Error(`stand-in: transaction action not understood: ${Object.keys(action).join(', ')}`);
    });
    if (new Set(keys.map(idOf)).size !== keys.length) throw new Error('stand-in: a transaction cannot touch one item twice (ValidationException)');
    const reasons = actions.map((action, index) => {
      const expression = (action.Put ?? action.Update)!;
      return { Code: this.holds(this.record(keys[index]!), expression) ? 'None' : 'ConditionalCheckFailed' };
    });
    if (reasons.some((reason) => reason.Code !== 'None')) {
      throw new TransactionCanceledException({ message: 'Transaction cancelled', $metadata: {}, CancellationReasons: reasons });
    }
    actions.forEach((action, index) => {
      if (action.Put) this.put(action.Put.Item!);
      else this.put(this.updated(this.record(keys[index]!), action.Update as UpdateCommandInput));
    });
    return {};
  }
}

const documents = mockClient(DynamoDBDocumentClient);
const objects = mockClient(S3Client);
let table: TableStandIn;

function connect(standIn: TableStandIn) {
  documents.reset();
  documents.on(GetCommand).callsFake((input: GetCommandInput) => standIn.get(input));
  documents.on(QueryCommand).callsFake((input: QueryCommandInput) => standIn.query(input));
  documents.on(BatchGetCommand).callsFake((input: BatchGetCommandInput) => standIn.batchGet(input));
  documents.on(PutCommand).callsFake((input: PutCommandInput) => standIn.putItem(input));
  documents.on(UpdateCommand).callsFake((input: UpdateCommandInput) => standIn.update(input));
  documents.on(TransactWriteCommand).callsFake((input: TransactWriteCommandInput) => standIn.transactWrite(input));
  objects.reset();
  objects.on(PutObjectCommand).resolves({});
}

type Handler = (event: never, context: Context) => Promise<APIGatewayProxyResultV2>;
const context = { awsRequestId: 'aws-req-1', functionName: 'test', getRemainingTimeInMillis: () => 10_000 } as unknown as Context;
async function call(handler: Handler, ...args: Parameters<typeof apiEvent>): Promise<{ statusCode: number; body: ReturnType<typeof json> }> {
  const result = (await handler(apiEvent(...args) as never, context)) as { statusCode: number; body?: string };
  return { statusCode: result.statusCode, body: json(result) };
}

const SELLER = 'seller-aurora-weaves';
const seller = claims('seller', SELLER);
const address = (name: string, line1: string, city: string, postalCode: string) => ({ name, phone: '+91 98860 24680', line1, city, state: 'Karnataka', postalCode, country: 'India' });
const item = (id: string, productName: string, variant: string, hsn: string, unitPrice: number, taxPercent: number) => ({
  id, sellerId: SELLER, productName, sku: `AW-${id.toUpperCase()}`, variant, hsn, quantity: 1, unitPrice, taxPercent,
});

/** 31 March 23:59 IST and 1 April 00:00 IST, in UTC. */
const LAST_MINUTE_OF_2026_27 = '2027-03-31T18:29:00.000Z';
const FIRST_MINUTE_OF_2027_28 = '2027-03-31T18:30:00.000Z';

let workDir: string;
beforeAll(() => {
  workDir = mkdtempSync(join(tmpdir(), 'invoice-rollover-'));
});
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

/** Parcel ids by item: each parcel holds one item of the seller's order. */
let parcels: { a: string; b: string; c: string };

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime('2027-03-29T05:30:00.000Z');
  table = new TableStandIn();
  connect(table);

  const profile = { name: 'Aurora Weaves Private Limited', storeName: 'Aurora Weaves', gstin: '29AAHCA4821K1ZH', address: address('Aurora Weaves Private Limited', '14, 2nd Main Road, Jayanagar', 'Bengaluru', '560011') };
  expect((await call(putSeller, 'PUT /sellers/{sellerId}', { claims: claims('admin', 'admin-1'), params: { sellerId: SELLER }, body: JSON.stringify(profile) })).statusCode).toBe(201);
  const order = {
    id: 'ord-20270329-0007',
    customerId: 'cust-meera',
    paymentMethod: 'prepaid',
    shippingAddress: address('Meera Hegde', '27, Kalidasa Road, V V Mohalla', 'Mysuru', '570002'),
    items: [
      item('a', 'Ilkal handloom cotton saree', 'Maroon / 6.3 m', '52084990', 238_095, 5),
      item('b', 'Hand-block printed cotton dupatta', 'Indigo / 2.25 m', '62149090', 64_286, 5),
      item('c', 'Handwoven cotton dhurrie', 'Natural stripes / 4 × 6 ft', '57050024', 319_900, 12),
    ],
  };
  expect((await call(createOrder, 'POST /orders', { claims: claims('system', 'storefront'), body: JSON.stringify(order) })).statusCode).toBe(201);
  const pack = async (itemId: string) => {
    const created = await call(createParcel, 'POST /parcels', { claims: seller, body: JSON.stringify({ orderId: order.id, itemIds: [itemId] }) });
    expect(created.statusCode).toBe(201);
    return created.body.id as string;
  };
  parcels = { a: await pack('a'), b: await pack('b'), c: await pack('c') };

  // The seller has issued 41 invoices in 2026-27 so far.
  table.put({ pk: `SELLER#${SELLER}`, sk: 'INVOICE_SEQUENCE#2026-27', kind: 'INVOICE_SEQUENCE', last: 41 });
  documents.resetHistory();
});

afterEach(() => {
  vi.useRealTimers();
});

const invoiceOf = (parcelId: string) => call(getParcelInvoice, 'GET /parcels/{parcelId}/invoice', { claims: seller, params: { parcelId } });
const sequenceAt = (financialYear: string) => table.record({ pk: `SELLER#${SELLER}`, sk: `INVOICE_SEQUENCE#${financialYear}` });
const transactions = () => documents.commandCalls(TransactWriteCommand).map((sent) => sent.args[0].input);
/** The action of a transaction on the seller's invoice sequence. */
const sequenceActionOf = (input: TransactWriteCommandInput) => {
  const actions = (input.TransactItems ?? []).flatMap((action) => (action.Update && String(action.Update.Key?.sk).startsWith('INVOICE_SEQUENCE#') ? [action.Update] : []));
  expect(actions).toHaveLength(1);
  return actions[0]!;
};
const uploads = () => objects.commandCalls(PutObjectCommand).map((sent) => sent.args[0].input);

/** The PDF uploaded for `parcelId`: its title (the number) and the invoice date it prints. */
async function pdfOf(parcelId: string): Promise<{ title: string | undefined; text: string; metadata: Record<string, string> | undefined }> {
  const upload = uploads().find((input) => input.Key === `invoices/${SELLER}/${parcelId}.pdf`);
  expect(upload, `uploaded PDF of ${parcelId}`).toBeDefined();
  const bytes = upload!.Body as Uint8Array;
  const file = join(workDir, `${parcelId}.pdf`);
  writeFileSync(file, bytes);
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  return { title: (await PDFDocument.load(bytes, { updateMetadata: false })).getTitle(), text, metadata: upload!.Metadata };
}

describe('invoice numbers across the financial year boundary (31 March → 1 April, IST)', () => {
  it('31 March 23:59 IST and 1 April 00:00 IST pick different years, and the new year restarts at 000001', async () => {
    // Parcel A at 23:59 IST on 31 March: the 42nd invoice of 2026-27.
    vi.setSystemTime(LAST_MINUTE_OF_2026_27);
    const a = await invoiceOf(parcels.a);
    expect(a.statusCode).toBe(200);
    expect(a.body.invoiceNumber).toBe('2026-27/000042');
    expect(a.body.expiresAt).toBe('2027-03-31T18:44:00.000Z');
    expect(a.body.url).toContain(`/invoices/${SELLER}/${parcels.a}.pdf?`);
    expect(a.body.url).toContain('X-Amz-Date=20270331T182900Z');
    expect(transactions()).toHaveLength(1);
    const taken2026 = sequenceActionOf(transactions()[0]!);
    expect(taken2026.Key).toEqual({ pk: `SELLER#${SELLER}`, sk: 'INVOICE_SEQUENCE#2026-27' });
    expect(taken2026.ConditionExpression).toBe('#last = :seen');
    expect(taken2026.ExpressionAttributeValues).toMatchObject({ ':seen': 41, ':next': 42 });
    expect(sequenceAt('2026-27')?.last).toBe(42);

    // Parcel B of the same seller one minute later, 00:00 IST on 1 April: the first invoice of 2027-28.
    vi.setSystemTime(FIRST_MINUTE_OF_2027_28);
    const b = await invoiceOf(parcels.b);
    expect(b.statusCode).toBe(200);
    expect(b.body.invoiceNumber).toBe('2027-28/000001');
    expect(transactions()).toHaveLength(2);
    const taken2027 = sequenceActionOf(transactions()[1]!);
    expect(taken2027.Key).toEqual({ pk: `SELLER#${SELLER}`, sk: 'INVOICE_SEQUENCE#2027-28' });
    expect(taken2027.ConditionExpression).toBe('attribute_not_exists(pk)');
    expect(taken2027.ExpressionAttributeValues?.[':next']).toBe(1);
    expect(taken2027.ExpressionAttributeValues).not.toHaveProperty(':seen');
    expect(sequenceAt('2027-28')).toMatchObject({ kind: 'INVOICE_SEQUENCE', last: 1 });
    expect(sequenceAt('2026-27')?.last).toBe(42);

    // The new year's sequence goes on from 1: parcel C gets 000002, conditioned on the 1 it read.
    vi.setSystemTime('2027-04-01T04:30:00.000Z');
    const c = await invoiceOf(parcels.c);
    expect(c.body.invoiceNumber).toBe('2027-28/000002');
    const next2027 = sequenceActionOf(transactions()[2]!);
    expect(next2027.Key?.sk).toBe('INVOICE_SEQUENCE#2027-28');
    expect(next2027.ConditionExpression).toBe('#last = :seen');
    expect(next2027.ExpressionAttributeValues).toMatchObject({ ':seen': 1, ':next': 2 });

    // Each parcel keeps the number, year and instant it was issued with; the PDF says the same.
    expect(table.record({ pk: `PARCEL#${parcels.a}`, sk: 'PARCEL' })).toMatchObject({
      invoiceNumber: '2026-27/000042',
      invoice: { number: '2026-27/000042', financialYear: '2026-27', sequence: 42, issuedAt: LAST_MINUTE_OF_2026_27, storedAt: LAST_MINUTE_OF_2026_27, cancelledAt: null },
    });
    expect(table.record({ pk: `PARCEL#${parcels.b}`, sk: 'PARCEL' })).toMatchObject({
      invoiceNumber: '2027-28/000001',
      invoice: { number: '2027-28/000001', financialYear: '2027-28', sequence: 1, issuedAt: FIRST_MINUTE_OF_2027_28, storedAt: FIRST_MINUTE_OF_2027_28 },
    });
    expect(table.record({ pk: `PARCEL#${parcels.b}`, sk: 'INVOICE' })).toMatchObject({ document: { invoiceNumber: '2027-28/000001', issuedAt: FIRST_MINUTE_OF_2027_28, supplyType: 'intra-state' } });
    const pdfA = await pdfOf(parcels.a);
    expect(pdfA.title).toBe('2026-27/000042');
    expect(pdfA.metadata).toEqual({ 'invoice-number': '2026-27/000042', 'parcel-id': parcels.a });
    expect(pdfA.text).toContain('Invoice date 31-03-2027');
    const pdfB = await pdfOf(parcels.b);
    expect(pdfB.title).toBe('2027-28/000001');
    expect(pdfB.text).toContain('Invoice date 01-04-2027');
    expect(pdfB.text).toContain('CGST');

    // Asked again in the new year, A still answers its 2026-27 number: no new number, no upload.
    vi.setSystemTime('2027-04-02T06:00:00.000Z');
    const again = await invoiceOf(parcels.a);
    expect(again.body.invoiceNumber).toBe('2026-27/000042');
    expect(transactions()).toHaveLength(3);
    expect(uploads()).toHaveLength(3);
  });

  it("a new year's first number taken by another parcel between read and write: the condition fails, the sequence is read again, 000002", async () => {
    vi.setSystemTime(FIRST_MINUTE_OF_2027_28);
    table.beforeNextTransaction = () => table.put({ pk: `SELLER#${SELLER}`, sk: 'INVOICE_SEQUENCE#2027-28', kind: 'INVOICE_SEQUENCE', last: 1 });
    const b = await invoiceOf(parcels.b);
    expect(b.statusCode).toBe(200);
    expect(b.body.invoiceNumber).toBe('2027-28/000002');
    const [lost, won] = transactions().map(sequenceActionOf);
    expect(lost).toMatchObject({ ConditionExpression: 'attribute_not_exists(pk)', ExpressionAttributeValues: { ':next': 1 } });
    expect(won).toMatchObject({ ConditionExpression: '#last = :seen', ExpressionAttributeValues: { ':seen': 1, ':next': 2 } });
    expect(sequenceAt('2027-28')?.last).toBe(2);
    expect(sequenceAt('2026-27')?.last).toBe(41);
    // The lost attempt left nothing behind: one document, one upload, under the number that won.
    expect(table.record({ pk: `PARCEL#${parcels.b}`, sk: 'INVOICE' })).toMatchObject({ document: { invoiceNumber: '2027-28/000002' } });
    expect(uploads()).toHaveLength(1);
  });
});
