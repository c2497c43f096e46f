import { Logger } from '@aws-lambda-powertools/logger';

/** Structured JSON logs (one line per entry). Never log whole events: they carry personal data. */
export const logger = new Logger({ serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'shipping-order-flow' });
