import { AwsSolutionsChecks } from 'cdk-nag';
import { describe, expect, it } from 'vitest';
import { Validations } from 'aws-cdk-lib';
import type { DeployContext } from '../../lib/deploy-config.ts';
import { synthShipping } from './infra-fixture.ts';

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
