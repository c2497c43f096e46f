import type { IHttpRouteAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2';
import type { IUserPoolClient } from 'aws-cdk-lib/aws-cognito';
import { HttpJwtAuthorizer, HttpUserPoolAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import type { DeployConfig } from './deploy-config.ts';
import type { ShippingUserPool } from './user-pool.ts';

/**
 * The JWT authorizer every non-public route uses: the stack's user pool by default, or the external
 * OIDC issuer from context. API Gateway checks signature, issuer, audience and expiry; the handler
 * checks the role against the route table.
 */
export function routeAuthorizer(config: DeployConfig, userPool: ShippingUserPool | undefined, panelsClient?: IUserPoolClient): IHttpRouteAuthorizer {
  if (config.oidc) {
    return new HttpJwtAuthorizer('OidcAuthorizer', config.oidc.issuer, { jwtAudience: config.oidc.audience });
  }
  if (!userPool) throw new Error('a user pool is required when no OIDC issuer is configured');
  return new HttpUserPoolAuthorizer('UserPoolAuthorizer', userPool.pool, { userPoolClients: panelsClient ? [userPool.client, panelsClient] : [userPool.client] });
}
