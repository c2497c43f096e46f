import { Duration, Validations } from 'aws-cdk-lib';
import { AccountRecovery, FeaturePlan, Mfa, UserPool, UserPoolClient, UserPoolGroup } from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import { ROLES, rolePrecedence } from '../functions/domain/principal.ts';
import type { DeployConfig } from './deploy-config.ts';

/**
 * The default token issuer: a Cognito user pool whose groups are the API's roles, and a public app
 * client for the command line and services (password / SRP sign-in; the panels have their own,
 * hosted UI only: lib/panels-stack.ts). Admins create every user; nobody signs themselves up.
 * MFA (TOTP) is required of everyone: Cognito cannot require it per group, and admins must have it
 * (docs/panels.md, "Sign-in on AWS").
 */
export class ShippingUserPool extends Construct {
  readonly pool: UserPool;
  readonly client: UserPoolClient;

  constructor(scope: Construct, id: string, config: DeployConfig) {
    super(scope, id);
    this.pool = new UserPool(this, 'Pool', {
      userPoolName: `shipping-${config.stage}-users`,
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      autoVerify: { email: true },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      passwordPolicy: { minLength: 12, requireLowercase: true, requireUppercase: true, requireDigits: true, requireSymbols: true },
      mfa: Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false },
      featurePlan: FeaturePlan.ESSENTIALS,
      deletionProtection: config.stage === 'prod',
      removalPolicy: config.settings.removalPolicy,
    });
    for (const role of ROLES) {
      new UserPoolGroup(this, `Group-${role}`, { userPool: this.pool, groupName: role, description: `API role ${role}`, precedence: rolePrecedence(role) });
    }
    this.client = this.pool.addClient('CliClient', {
      userPoolClientName: `shipping-${config.stage}-cli`,
      generateSecret: false,
      authFlows: { userSrp: true, userPassword: true },
      preventUserExistenceErrors: true,
      idTokenValidity: Duration.hours(1),
      accessTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.days(30),
    });

    Validations.of(this.pool).acknowledge(
      {
        id: 'AwsSolutions-COG8',
        reason:
          'Threat protection (Plus plan) is billed per monthly active user; self sign-up is off, admins create every account, and installations that need adaptive authentication bring their own OIDC issuer (-c jwtIssuer).',
      },
    );
  }
}
