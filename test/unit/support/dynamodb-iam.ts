import {
  BatchGetCommand,
  BatchWriteCommand,
  DeleteCommand,
  GetCommand,
  PutCommand,
  QueryCommand,
  ScanCommand,
  TransactGetCommand,
  TransactWriteCommand,
  UpdateCommand,
  type TransactWriteCommandInput,
} from '@aws-sdk/lib-dynamodb';

type TransactWriteItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/** IAM has no TransactWriteItems action: each item needs the action of its own kind. */
const TRANSACT_WRITE_ACTIONS = { Put: 'PutItem', Update: 'UpdateItem', Delete: 'DeleteItem', ConditionCheck: 'ConditionCheckItem' } as const;

function transactWriteAction(item: TransactWriteItem): string {
  const kinds = (Object.keys(TRANSACT_WRITE_ACTIONS) as (keyof typeof TRANSACT_WRITE_ACTIONS)[]).filter((kind) => item[kind] !== undefined);
  if (kinds.length !== 1) throw new Error(`a transaction item must hold exactly one action, not ${JSON.stringify(Object.keys(item))}`);
  return TRANSACT_WRITE_ACTIONS[kinds[0]!];
}

/**
 * The DynamoDB IAM actions (without `dynamodb:`) that one document-client command needs, as IAM
 * evaluates them. Scan and BatchWriteItem map to themselves so that a route sending one fails
 * against any declaration; a command this does not know fails loudly rather than pass unseen.
 */
export function iamActionsOf(command: unknown): string[] {
  if (command instanceof GetCommand) return ['GetItem'];
  if (command instanceof BatchGetCommand) return ['BatchGetItem'];
  if (command instanceof QueryCommand) return ['Query'];
  if (command instanceof PutCommand) return ['PutItem'];
  if (command instanceof UpdateCommand) return ['UpdateItem'];
  if (command instanceof DeleteCommand) return ['DeleteItem'];
  if (command instanceof TransactWriteCommand) return (command.input.TransactItems ?? []).map(transactWriteAction);
  // TransactGetItems is no IAM action either: each Get needs GetItem.
  if (command instanceof TransactGetCommand) return (command.input.TransactItems ?? []).map(() => 'GetItem');
  if (command instanceof ScanCommand) return ['Scan'];
  if (command instanceof BatchWriteCommand) return ['BatchWriteItem'];
  const name = (command as { constructor?: { name?: string } } | null)?.constructor?.name ?? typeof command;
  throw new Error(`no IAM mapping for ${name}: add it to test/unit/support/dynamodb-iam.ts`);
}
