import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { credentialsFromEnvironment } from '../../functions/courier/shiprocket-credentials.ts';
import { UnavailableError } from '../../functions/domain/errors.ts';

const secrets = mockClient(SecretsManagerClient);
const SECRET_ARN = 'arn:aws:secretsmanager:ap-south-1:123456789012:secret:shiprocket-AbCdEf';

beforeEach(() => {
  secrets.reset();
  vi.stubEnv('SHIPROCKET_SECRET_ARN', '');
  vi.stubEnv('SHIPROCKET_EMAIL', '');
  vi.stubEnv('SHIPROCKET_PASSWORD', '');
});
afterEach(() => vi.unstubAllEnvs());

describe('Shiprocket credentials', () => {
  it('in AWS: read from the secret once per container, on first use, with the deadline signal', async () => {
    vi.stubEnv('SHIPROCKET_SECRET_ARN', SECRET_ARN);
    secrets.on(GetSecretValueCommand, { SecretId: SECRET_ARN }).resolves({ SecretString: JSON.stringify({ email: 'api@example.test', password: 'pw' }) });
    const credentials = credentialsFromEnvironment();
    expect(secrets.calls()).toHaveLength(0);
    await expect(Promise.all([credentials(), credentials()])).resolves.toEqual([
      { email: 'api@example.test', password: 'pw' },
      { email: 'api@example.test', password: 'pw' },
    ]);
    await credentials();
    expect(secrets.calls()).toHaveLength(1);
    expect(((secrets.call(0).args as unknown[])[1] as { abortSignal?: AbortSignal } | undefined)?.abortSignal).toBeInstanceOf(AbortSignal);
  });

  it('a secret that is not {email, password}: a configuration error naming the shape', async () => {
    vi.stubEnv('SHIPROCKET_SECRET_ARN', SECRET_ARN);
    secrets.on(GetSecretValueCommand).resolves({ SecretString: '{"user":"x"}' });
    await expect(credentialsFromEnvironment()()).rejects.toThrow('{"email": "...", "password": "..."}');
  });

  it('Secrets Manager throttling: unavailable, and read again on the next call', async () => {
    vi.stubEnv('SHIPROCKET_SECRET_ARN', SECRET_ARN);
    secrets
      .on(GetSecretValueCommand)
      .rejectsOnce(Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' }))
      .resolves({ SecretString: JSON.stringify({ email: 'api@example.test', password: 'pw' }) });
    const credentials = credentialsFromEnvironment();
    await expect(credentials()).rejects.toBeInstanceOf(UnavailableError);
    await expect(credentials()).resolves.toMatchObject({ email: 'api@example.test' });
  });

  it('locally: from SHIPROCKET_EMAIL and SHIPROCKET_PASSWORD, read on first use', async () => {
    const credentials = credentialsFromEnvironment();
    vi.stubEnv('SHIPROCKET_EMAIL', 'local@example.test');
    vi.stubEnv('SHIPROCKET_PASSWORD', 'local-pw');
    await expect(credentials()).resolves.toEqual({ email: 'local@example.test', password: 'local-pw' });
    expect(secrets.calls()).toHaveLength(0);
  });

  it('none configured: an error saying what to set', async () => {
    await expect(credentialsFromEnvironment()()).rejects.toThrow(/SHIPROCKET_SECRET_ARN, or SHIPROCKET_EMAIL and SHIPROCKET_PASSWORD/);
  });
});
