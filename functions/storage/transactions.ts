import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { PutCommand, TransactWriteCommand, UpdateCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { ConflictError, UnavailableError } from '#domain/errors.ts';
import { send } from './dynamo-client.ts';
import { storageFault } from './faults.ts';

export type WriteAction = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/** DynamoDB's limit on actions in one TransactWriteItems call. */
export const MAX_TRANSACTION_ACTIONS = 100;

/** `pk|sk` of a record: how a failed condition is named, whatever its position in the write. */
export const recordId = (key: { pk: unknown; sk: unknown }): string => `${String(key.pk)}|${String(key.sk)}`;

function keyOf(action: WriteAction): { pk: unknown; sk: unknown } {
  const key = action.Put?.Item ?? action.Update?.Key ?? action.Delete?.Key ?? action.ConditionCheck?.Key;
  return { pk: key?.pk, sk: key?.sk };
}

/** A write whose conditions failed, naming the records (`recordId`) whose condition failed. */
export class ConditionsFailed extends Error {
  constructor(readonly failedRecords: ReadonlySet<string>) {
    super('conditional write failed');
  }

  failedFor(key: { pk: unknown; sk: unknown }): boolean {
    return this.failedRecords.has(recordId(key));
  }
}

const sendSingle = (action: WriteAction) => {
  if (action.Put) return send(new PutCommand(action.Put));
  if (action.Update) return send(new UpdateCommand(action.Update as ConstructorParameters<typeof UpdateCommand>[0]));
  return send(new TransactWriteCommand({ TransactItems: [action] }));
};

/**
 * All-or-nothing write in one round trip (a single action goes as a plain conditional write).
 * Failed conditions surface as `ConditionsFailed` naming the records; a concurrent transaction on
 * the same records as a 409 the caller may retry; no answer as OUTCOME_UNKNOWN.
 */
export async function writeAtomically(actions: WriteAction[]): Promise<void> {
  if (actions.length > MAX_TRANSACTION_ACTIONS) throw new Error(`a transaction of ${actions.length} actions exceeds DynamoDB's ${MAX_TRANSACTION_ACTIONS}`);
  try {
    if (actions.length === 1) await sendSingle(actions[0] as WriteAction);
    else await send(new TransactWriteCommand({ TransactItems: actions }));
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) throw new ConditionsFailed(new Set([recordId(keyOf(actions[0] as WriteAction))]));
    if (error instanceof TransactionCanceledException) {
      const reasons = error.CancellationReasons ?? [];
      if (reasons.some((reason) => reason.Code === 'ConditionalCheckFailed')) {
        const failed = actions.filter((_, i) => reasons[i]?.Code === 'ConditionalCheckFailed').map((action) => recordId(keyOf(action)));
        throw new ConditionsFailed(new Set(failed));
      }
      if (reasons.some((reason) => reason.Code === 'ThrottlingError' || reason.Code === 'ProvisionedThroughputExceeded')) {
        throw new UnavailableError('The database is busy; nothing was changed. Retry shortly.');
      }
      if (reasons.some((reason) => reason.Code === 'TransactionConflict')) {
        throw new ConflictError('Another request is changing the same records right now; retry.');
      }
    }
    throw storageFault(error, 'write');
  }
}

/** `writeAtomically` for callers that only need to know whether the conditions held. */
export async function writeIfConditionsHold(actions: WriteAction[]): Promise<boolean> {
  try {
    await writeAtomically(actions);
    return true;
  } catch (error) {
    if (error instanceof ConditionsFailed) return false;
    throw error;
  }
}
