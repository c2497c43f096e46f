import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, type ServiceInputTypes, type ServiceOutputTypes } from '@aws-sdk/lib-dynamodb';
import type { Command } from '@smithy/types';
import { outboundSignal } from '../time-budget.ts';

/** Set by the stack (TABLE_NAME) or the local runtime (also DYNAMODB_ENDPOINT for DynamoDB Local). */
export const tableName = (): string => {
  const name = process.env.TABLE_NAME;
  if (!name) throw new Error('TABLE_NAME is not set');
  return name;
};

/**
 * Per attempt: 1 s to connect, 2 s for the answer (and then an error, not only a warning); three
 * attempts at most, all within the request's deadline (see time-budget.ts).
 */
const TIMEOUTS = { connectionTimeout: 1_000, requestTimeout: 2_000, throwOnRequestTimeout: true };

function localOptions() {
  const endpoint = process.env.DYNAMODB_ENDPOINT;
  if (!endpoint) return {};
  return { endpoint, region: process.env.AWS_REGION ?? 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } };
}

let client: { endpoint: string | undefined; documents: DynamoDBDocumentClient } | undefined;

/**
 * The document client, created on first use (so the endpoint is read when it is needed, never at
 * import) and then reused by every request of the container — made again only if the configured
 * endpoint changed (a local runtime started anew in the same process).
 */
export function documentClient(): DynamoDBDocumentClient {
  const endpoint = process.env.DYNAMODB_ENDPOINT;
  if (client === undefined || client.endpoint !== endpoint) {
    const documents = DynamoDBDocumentClient.from(new DynamoDBClient({ maxAttempts: 3, requestHandler: TIMEOUTS, ...localOptions() }), {
      marshallOptions: { removeUndefinedValues: true },
    });
    client = { endpoint, documents };
  }
  return client.documents;
}

type DocumentCommand<I extends ServiceInputTypes, O extends ServiceOutputTypes> = Command<ServiceInputTypes, I, ServiceOutputTypes, O, unknown>;

/**
 * Sends one command, aborted at the request's deadline. The SDK is given the signal, and the answer
 * is raced against it too, so the bound holds whatever the SDK's retry and socket handling do.
 */
export function send<I extends ServiceInputTypes, O extends ServiceOutputTypes>(command: DocumentCommand<I, O>): Promise<O> {
  const signal = outboundSignal();
  const deadlinePassed = new Promise<never>((_, reject) => signal.addEventListener('abort', () => reject(signal.reason as Error), { once: true }));
  return Promise.race([documentClient().send(command, { abortSignal: signal }), deadlinePassed]);
}
