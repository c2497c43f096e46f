import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, PutCommand, TransactWriteCommand, UpdateCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { ConflictError, UnavailableError } from '#domain/errors.ts';
import { documents } from './dynamo-client.ts';

export type WriteAction = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/** DynamoDB's limit on actions in one TransactWriteItems call. */
export const MAX_TRANSACTION_ACTIONS = 100;

/** A write whose conditions failed; `failedConditions[i]` is true when action i's condition failed. */
export class ConditionsFailed extends Error {
  constructor(readonly failedConditions: boolean[]) {
    super('conditional write failed');
  }
}

const sendSingle = (action: WriteAction) => {
  if (action.Put) return documents.send(new PutCommand(action.Put));
  if (action.Update) return documents.send(new UpdateCommand(action.Update as ConstructorParameters<typeof UpdateCommand>[0]));
  if (action.Delete) return documents.send(new DeleteCommand(action.Delete));
  return documents.send(new TransactWriteCommand({ TransactItems: [action] }));
};

/**
 * All-or-nothing write in one round trip (a single action goes as a plain conditional write).
 * Failed conditions surface as `ConditionsFailed`; a concurrent transaction on the same records
 * as a 409 the caller may retry.
 */
export async function writeAtomically(actions: WriteAction[]): Promise<void> {
  try {
    if (actions.length === 1) await sendSingle(actions[0] as WriteAction);
    else await documents.send(new TransactWriteCommand({ TransactItems: actions }));
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) throw new ConditionsFailed([true]);
    if (error instanceof TransactionCanceledException) {
      const reasons = error.CancellationReasons ?? [];
      if (reasons.some((reason) => reason.Code === 'ConditionalCheckFailed')) {
        throw new ConditionsFailed(actions.map((_, i) => reasons[i]?.Code === 'ConditionalCheckFailed'));
      }
      if (reasons.some((reason) => reason.Code === 'ThrottlingError' || reason.Code === 'ProvisionedThroughputExceeded')) {
        throw new UnavailableError('The database is busy; retry shortly.');
      }
      if (reasons.some((reason) => reason.Code === 'TransactionConflict')) {
        throw new ConflictError('Another request is changing the same records right now; retry.');
      }
    }
    throw error;
  }
}
