process.env.TABLE_NAME = 'unit-table';
process.env.AWS_REGION = 'ap-south-1';
process.env.INVOICE_BUCKET = 'unit-invoices';
// Links are signed locally (no call to AWS), but signing needs credentials, as Lambda's environment has.
process.env.AWS_ACCESS_KEY_ID = 'unit-test';
process.env.AWS_SECRET_ACCESS_KEY = 'unit-test';
process.env.SHIPROCKET_WEBHOOK_TOKEN = 'unit-webhook-token';
