import type { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import * as z from 'zod/mini';
import { storageFault } from '#storage/faults.ts';
import { outboundSignal } from '../time-budget.ts';

/** The Shiprocket "API user" the client logs in as. */
export interface ShiprocketCredentials {
  email: string;
  password: string;
}

const secretSchema = z.object({
  email: z.string().check(z.trim(), z.minLength(1)),
  password: z.string().check(z.minLength(1)),
});

/** Same bounds as the DynamoDB client: 1 s to connect, 2 s for the answer, three attempts, all within the deadline. */
const TIMEOUTS = { connectionTimeout: 1_000, requestTimeout: 2_000, throwOnRequestTimeout: true };

let secrets: SecretsManagerClient | undefined;

/**
 * The credentials, read on first use and then kept for the container: from Secrets Manager when
 * `SHIPROCKET_SECRET_ARN` is set (the secret's JSON `{ "email", "password" }`), else from
 * `SHIPROCKET_EMAIL` / `SHIPROCKET_PASSWORD` (local runtime). A failed read is tried again next time.
 */
export function credentialsFromEnvironment(): () => Promise<ShiprocketCredentials> {
  let loaded: Promise<ShiprocketCredentials> | undefined;
  return () => {
    loaded ??= load().catch((error: unknown) => {
      loaded = undefined;
      throw error;
    });
    return loaded;
  };
}

async function load(): Promise<ShiprocketCredentials> {
  const secretArn = process.env.SHIPROCKET_SECRET_ARN;
  if (secretArn) return readSecret(secretArn);
  const email = process.env.SHIPROCKET_EMAIL;
  const password = process.env.SHIPROCKET_PASSWORD;
  if (!email || !password) throw new Error('Shiprocket credentials are not configured: set SHIPROCKET_SECRET_ARN, or SHIPROCKET_EMAIL and SHIPROCKET_PASSWORD');
  return { email, password };
}

async function readSecret(secretArn: string): Promise<ShiprocketCredentials> {
  const credentials = secretSchema.safeParse(await readSecretJson(secretArn));
  if (!credentials.success) throw new Error('The Shiprocket secret must be a JSON string {"email": "...", "password": "..."}');
  return credentials.data;
}

/** A JSON secret's value (undefined when it is not JSON), within the request's deadline. */
export async function readSecretJson(secretArn: string): Promise<unknown> {
  // Loaded on first use only: functions that never read a secret do not pay for the SDK client.
  const { GetSecretValueCommand, SecretsManagerClient } = await import('@aws-sdk/client-secrets-manager');
  secrets ??= new SecretsManagerClient({ maxAttempts: 3, requestHandler: TIMEOUTS });
  const signal = outboundSignal();
  const deadlinePassed = new Promise<never>((_, reject) => signal.addEventListener('abort', () => reject(signal.reason as Error), { once: true }));
  let secretString: string | undefined;
  try {
    const output = await Promise.race([secrets.send(new GetSecretValueCommand({ SecretId: secretArn }), { abortSignal: signal }), deadlinePassed]);
    secretString = output.SecretString;
  } catch (error) {
    throw storageFault(error, 'retry-safe');
  }
  try {
    return JSON.parse(secretString ?? '');
  } catch {
    return undefined;
  }
}
