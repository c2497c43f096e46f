/**
 * Published on-demand prices of one region, the only place the cost bench reads a price from.
 *
 * Region: US East (N. Virginia), us-east-1 — the reference region of AWS's pricing pages (Mumbai,
 * ap-south-1, where an Indian marketplace would run, is within a few percent for these services).
 * As published on the pages below on 2026-11-27 (DynamoDB's on-demand prices since the
 * 1 Nov 2024 reduction; Lambda arm64; HTTP APIs' first 300 million requests a month). Check the
 * pages before quoting a figure: prices change, this file does not.
 */
export const PRICES = {
  region: 'us-east-1',
  date: '2026-11-27',
  sources: [
    'https://aws.amazon.com/dynamodb/pricing/on-demand/',
    'https://aws.amazon.com/lambda/pricing/',
    'https://aws.amazon.com/api-gateway/pricing/',
    'https://aws.amazon.com/s3/pricing/',
    'https://aws.amazon.com/secrets-manager/pricing/',
    'https://aws.amazon.com/cloudwatch/pricing/',
  ],
  dynamodb: {
    usdPerWriteRequestUnit: 0.625 / 1e6,
    usdPerReadRequestUnit: 0.125 / 1e6,
    usdPerGbMonth: 0.25,
  },
  lambda: {
    usdPerRequest: 0.2 / 1e6,
    /** arm64 (the functions' architecture). */
    usdPerGbSecond: 0.0000133334,
  },
  apiGateway: { usdPerHttpApiRequest: 1.0 / 1e6 },
  s3: {
    usdPerPut: 0.005 / 1000,
    usdPerGet: 0.0004 / 1000,
    usdPerGbMonth: 0.023,
  },
  secretsManager: { usdPerApiCall: 0.05 / 10_000 },
  cloudWatchLogs: { usdPerGbIngested: 0.5 },
} as const;
