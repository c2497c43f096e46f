process.env.TABLE_NAME = 'unit-table';
process.env.AWS_REGION = 'ap-south-1';
