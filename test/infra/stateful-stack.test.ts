import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { ROLES } from '../../functions/domain/principal.ts';
import { INDEX_LIST, TABLE_KEYS, TTL_ATTRIBUTE } from '../../functions/storage/table-design.ts';
import { synthShipping } from './infra-fixture.ts';

describe('stateful stack', () => {
  const { stateful, stacks } = synthShipping({ stage: 'dev' });

  it('keeps the table: on-demand, point-in-time recovery, deletion protection, retained on stack deletion', () => {
    stateful.hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: {
        TableName: 'shipping-dev',
        BillingMode: 'PAY_PER_REQUEST',
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        DeletionProtectionEnabled: true,
        TimeToLiveSpecification: { AttributeName: TTL_ATTRIBUTE, Enabled: true },
        KeySchema: [
          { AttributeName: TABLE_KEYS.partitionKey, KeyType: 'HASH' },
          { AttributeName: TABLE_KEYS.sortKey, KeyType: 'RANGE' },
        ],
      },
    });
  });

  it('builds every index of the table design, with its projection', () => {
    const table = Object.values(stateful.findResources('AWS::DynamoDB::Table'))[0]!;
    const indexes = table.Properties.GlobalSecondaryIndexes.map((index: any) => ({
      name: index.IndexName,
      partitionKey: index.KeySchema[0].AttributeName,
      sortKey: index.KeySchema[1].AttributeName,
      projection:
        index.Projection.ProjectionType === 'INCLUDE'
          ? { type: 'INCLUDE', attributes: index.Projection.NonKeyAttributes }
          : { type: index.Projection.ProjectionType },
    }));
    expect(indexes).toEqual(INDEX_LIST);
  });

  it('has a user pool with one group per role and an app client without a secret', () => {
    stateful.resourceCountIs('AWS::Cognito::UserPool', 1);
    stateful.hasResourceProperties('AWS::Cognito::UserPool', { AdminCreateUserConfig: { AllowAdminCreateUserOnly: true } });
    const groups = Object.values(stateful.findResources('AWS::Cognito::UserPoolGroup')).map((group) => group.Properties.GroupName);
    expect(groups.sort()).toEqual([...ROLES].sort());
    // A user in several groups acts with the role of highest precedence (lowest number).
    const precedence = Object.fromEntries(
      Object.values(stateful.findResources('AWS::Cognito::UserPoolGroup')).map((group) => [group.Properties.GroupName, group.Properties.Precedence]),
    );
    expect(precedence).toEqual({ admin: 0, system: 1, seller: 2, delivery: 3, customer: 4 });
    stateful.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      GenerateSecret: false,
      ExplicitAuthFlows: Match.arrayWith(['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_USER_SRP_AUTH']),
    });
  });

  it('requires MFA (TOTP) of every user: Cognito cannot require it of admins alone', () => {
    stateful.hasResourceProperties('AWS::Cognito::UserPool', { MfaConfiguration: 'ON', EnabledMfas: ['SOFTWARE_TOKEN_MFA'] });
  });

  it('outputs what the deploy guide uses', () => {
    for (const output of ['TableName', 'UserPoolId', 'UserPoolClientId']) stateful.hasOutput(output, {});
  });

  it('is termination-protected in prod only', () => {
    expect(stacks.stateful.terminationProtection).toBe(false);
    expect(synthShipping({ stage: 'prod' }).stacks.stateful.terminationProtection).toBe(true);
  });

  it('deletes a dev user pool with its stack but retains a prod one', () => {
    stateful.hasResource('AWS::Cognito::UserPool', { DeletionPolicy: 'Delete' });
    synthShipping({ stage: 'prod' }).stateful.hasResource('AWS::Cognito::UserPool', {
      DeletionPolicy: 'Retain',
      Properties: { DeletionProtection: 'ACTIVE' },
    });
  });
});

describe('with an external OIDC issuer', () => {
  const { stateful, api } = synthShipping({ stage: 'prod', jwtIssuer: 'https://login.example.com/', jwtAudience: 'shipping-api, panels' });

  it('creates no user pool and trusts the issuer and audiences', () => {
    stateful.resourceCountIs('AWS::Cognito::UserPool', 0);
    api.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'JWT',
      JwtConfiguration: { Issuer: 'https://login.example.com/', Audience: ['shipping-api', 'panels'] },
    });
  });
});
