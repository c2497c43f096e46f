import { AwsSolutionsChecks } from 'cdk-nag';
import { describe, expect, it } from 'vitest';
import { Validations } from 'aws-cdk-lib';
import type { DeployContext } from '../../lib/deploy-config.ts';
import { jobs } from '../../functions/jobs.ts';
import { routes } from '../../functions/routes.ts';
import { routeConstructId } from '../../lib/api-stack.ts';
import { jobConstructId } from '../../lib/scheduled-jobs.ts';
import { synthShipping } from './infra-fixture.ts';

/** CDK's singleton deployment function (256 MiB), a direct child of the content stack. */
const BUCKET_DEPLOYMENT_HANDLER = 'Custom::CDKBucketDeployment8693BB64968944B69AAFB0CC9EB8756C256MiB';

const VARIANTS: Record<string, DeployContext> = {
  dev: { stage: 'dev' },
  'prod with panels origin': { stage: 'prod', panelsOrigin: 'https://panels.example.com' },
  'prod with an OIDC issuer': { stage: 'prod', jwtIssuer: 'https://login.example.com/', jwtAudience: 'shipping-api' },
};

describe('cdk-nag AwsSolutions', () => {
  it.each(Object.entries(VARIANTS))('has no unacknowledged finding: %s', (_name, context) => {
    const { app } = synthShipping(context);
    const report = new AwsSolutionsChecks().validateScope(app);
    expect(report.violations.map((violation) => `${violation.ruleName}: ${violation.violatingResources.map((r) => r.constructPath).join(', ')}`)).toEqual([]);
  });

  it('acknowledges exactly the expected findings, each where it is expected', () => {
    const { app } = synthShipping({ stage: 'dev' });
    const acknowledged = new Set(
      app.node.findAll().flatMap((construct) =>
        construct.node.metadata
          .filter((entry) => entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
          .flatMap((entry) => Object.keys(entry.data as Record<string, string>).map((id) => `${construct.node.path} ${id.replace(/^Annotation::/, '')}`)),
      ),
    );
    const functionIds = [...routes.map(routeConstructId), 'NotFound', ...jobs.map((job) => `${jobConstructId(job)}/Function`)];
    const publicRoutes = [...routes.filter((route) => route.roles === 'public').map((route) => `${routeConstructId(route)}Route`), 'NotFoundRoute'];
    const expected = [
      // The house function: Node 22 on purpose, X-Ray actions that have no resource-level permissions.
      ...functionIds.flatMap((id) => [`shipping-dev-api/${id} AwsSolutions-L1`, `shipping-dev-api/${id} AwsSolutions-IAM5[Resource::*]`]),
      // Public by the route table (and the $default 404).
      ...publicRoutes.map((id) => `shipping-dev-api/${id} AwsSolutions-APIG4`),
      // The invoice function writes and signs links under the invoices/ prefix; the bucket's readers come through those links.
      'shipping-dev-api/GetParcelsParcelIdInvoice/Role AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::shipping-dev-invoices-<AWS::AccountId>-<AWS::Region>/invoices/*]',
      // A job's dead-letter queue is where its failures end; it is read by an operator, never consumed, so it has no dead-letter queue itself.
      ...jobs.map((job) => `shipping-dev-api/${jobConstructId(job)}/DeadLetterQueue AwsSolutions-SQS3`),
      'shipping-dev-stateful/InvoiceBucket AwsSolutions-S1',
      // The Shiprocket API user's password changes in Shiprocket's panel, not by rotation here.
      'shipping-dev-stateful/ShiprocketSecret AwsSolutions-SMG4',
      'shipping-dev-stateful/WebhookSecret AwsSolutions-SMG4',
      // Cognito: no advanced security plan (MFA is required of everyone).
      'shipping-dev-stateful/Users/Pool AwsSolutions-COG8',
      // The panels: a bucket read only through CloudFront; a distribution of static files for anyone, anywhere, on the default certificate.
      'shipping-dev-panels/WebBucket AwsSolutions-S1',
      ...['CFR1', 'CFR2', 'CFR3', 'CFR4'].map((rule) => `shipping-dev-panels/Distribution AwsSolutions-${rule}`),
      // CDK's own deployment handler copying the panels' files in.
      ...[
        'IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
        ...['GetObject*', 'GetBucket*', 'List*', 'DeleteObject*', 'Abort*'].map((action) => `IAM5[Action::s3:${action}]`),
        'IAM5[Resource::*]',
        'IAM5[Resource::arn:<AWS::Partition>:s3:::cdk-hnb659fds-assets-<AWS::AccountId>-<AWS::Region>/*]',
        'IAM5[Resource::arn:<AWS::Partition>:s3:::shipping-dev-panels-<AWS::AccountId>-<AWS::Region>/*]',
        'L1',
      ].map((id) => `shipping-dev-panels-content/${BUCKET_DEPLOYMENT_HANDLER} AwsSolutions-${id}`),
    ];
    expect([...acknowledged].sort()).toEqual(expected.sort());
  });

  it('gives every acknowledgement a reason', () => {
    const { app } = synthShipping({ stage: 'dev' });
    const acknowledgements = app.node
      .findAll()
      .flatMap((construct) => construct.node.metadata)
      .filter((entry) => entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
      .flatMap((entry) => Object.entries(entry.data as Record<string, string>));
    expect(acknowledgements.length).toBeGreaterThan(0);
    for (const [id, reason] of acknowledgements) expect(reason.length, id).toBeGreaterThan(40);
  });
});
