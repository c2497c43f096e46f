import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Invoice } from '#domain/invoices/invoice-types.ts';
import type { IssuedInvoice } from '#domain/invoices/issued-invoice.ts';
import type { Seller } from '#domain/sellers/seller.ts';
import { ConflictError } from '#domain/errors.ts';
import { readRecords } from './batch-read.ts';
import { send, tableName } from './dynamo-client.ts';
import { reading, storageFault } from './faults.ts';
import { toSeller, type SellerRecord } from './sellers-table.ts';
import { invoiceDocumentKey, invoiceSequenceKey, parcelKey, sellerKey } from './keys.ts';
import type { StoredParcel } from './parcels-table.ts';
import { ConditionsFailed, writeAtomically, type WriteAction } from './transactions.ts';

interface SequenceRecord {
  pk: string;
  sk: string;
  kind: 'INVOICE_SEQUENCE';
  /** The last number taken in this seller's financial year. */
  last: number;
}

/** The invoice as issued, kept whole so that a retry renders the same document under the same number. */
interface InvoiceDocumentRecord {
  pk: string;
  sk: 'INVOICE';
  kind: 'INVOICE';
  document: Invoice;
}

/** The seller's profile (if any) and the last invoice number of its financial year, in one round trip. */
export async function readInvoicingState(sellerId: string, financialYear: string): Promise<{ seller?: Seller; lastSequence: number }> {
  const [profile, sequence] = (await readRecords([sellerKey(sellerId), invoiceSequenceKey(sellerId, financialYear)])) as [SellerRecord | undefined, SequenceRecord | undefined];
  return { seller: profile && toSeller(profile), lastSequence: sequence?.last ?? 0 };
}

export type TakeNumberResult = 'taken' | 'sequence-moved' | 'already-issued';

/**
 * Takes the next number of the seller's year for this parcel, in one transaction: the sequence
 * moves from the value read to the next (so two parcels never share a number and none is
 * skipped), the parcel records the number (only if it has none and is not deleted), and the
 * document is stored. All or nothing: a number is never taken without its parcel and document.
 */
export async function takeInvoiceNumber(stored: StoredParcel, issued: IssuedInvoice, document: Invoice, sequenceSeen: number): Promise<TakeNumberResult> {
  const sequenceAt = invoiceSequenceKey(stored.parcel.sellerId, issued.financialYear);
  const sequence: WriteAction = {
    Update: {
      TableName: tableName(),
      Key: sequenceAt,
      UpdateExpression: 'SET #last = :next, kind = :kind',
      ConditionExpression: sequenceSeen === 0 ? 'attribute_not_exists(pk)' : '#last = :seen',
      ExpressionAttributeNames: { '#last': 'last' },
      ExpressionAttributeValues: { ':next': issued.sequence, ':kind': 'INVOICE_SEQUENCE', ...(sequenceSeen === 0 ? {} : { ':seen': sequenceSeen }) },
    },
  };
  const parcel: WriteAction = {
    Update: {
      TableName: tableName(),
      Key: parcelKey(stored.parcel.id),
      UpdateExpression: 'SET invoiceNumber = :number, invoice = :invoice',
      ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(invoice) AND attribute_not_exists(deletedAt)',
      ExpressionAttributeValues: { ':number': issued.number, ':invoice': issued },
    },
  };
  const record: InvoiceDocumentRecord = { ...invoiceDocumentKey(stored.parcel.id), kind: 'INVOICE', document };
  const documentPut: WriteAction = { Put: { TableName: tableName(), Item: record, ConditionExpression: 'attribute_not_exists(pk)' } };
  try {
    await writeAtomically([sequence, parcel, documentPut]);
    return 'taken';
  } catch (error) {
    // Another transaction on the same sequence or parcel right now: read again and retry.
    if (error instanceof ConflictError) return 'sequence-moved';
    if (!(error instanceof ConditionsFailed)) throw error;
    return error.failedFor(parcelKey(stored.parcel.id)) || error.failedFor(invoiceDocumentKey(stored.parcel.id)) ? 'already-issued' : 'sequence-moved';
  }
}

/** The document issued for a parcel, strongly consistent. */
export async function readInvoiceDocument(parcelId: string): Promise<Invoice | undefined> {
  const output = await reading(() => send(new GetCommand({ TableName: tableName(), Key: invoiceDocumentKey(parcelId), ConsistentRead: true })));
  return (output.Item as InvoiceDocumentRecord | undefined)?.document;
}

/** Records that the PDF of the parcel's invoice is stored (its number unchanged). */
export async function markInvoiceStored(parcelId: string, number: string, at: string): Promise<void> {
  try {
    await send(
      new UpdateCommand({
        TableName: tableName(),
        Key: parcelKey(parcelId),
        UpdateExpression: 'SET invoice.storedAt = :at',
        ConditionExpression: 'invoice.#number = :number',
        ExpressionAttributeNames: { '#number': 'number' },
        ExpressionAttributeValues: { ':at': at, ':number': number },
      }),
    );
  } catch (error) {
    throw storageFault(error, 'retry-safe');
  }
}
