import { Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { synthShipping, type SynthesizedShipping } from './infra-fixture.ts';

describe('panels stacks', () => {
  let shipping: SynthesizedShipping;
  beforeAll(() => {
    shipping = synthShipping({ stage: 'dev' });
  });

  it('keeps the UI in a private, TLS-only bucket that only CloudFront reads, through origin access control', () => {
    const { panels } = shipping;
    panels.hasResourceProperties('AWS::S3::Bucket', {
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
    });
    panels.resourceCountIs('AWS::CloudFront::OriginAccessControl', 1);
    const policy = Object.values(panels.findResources('AWS::S3::BucketPolicy'))[0]!.Properties.PolicyDocument.Statement as { Effect: string; Principal?: { Service?: string }; Action: string }[];
    expect(policy.filter((statement) => statement.Effect === 'Allow').map((statement) => [statement.Principal?.Service, statement.Action])).toEqual([['cloudfront.amazonaws.com', 's3:GetObject']]);
    expect(policy.some((statement) => statement.Effect === 'Deny' && JSON.stringify(statement).includes('aws:SecureTransport'))).toBe(true);
  });

  it('serves it over HTTPS only with security headers', () => {
    const { panels } = shipping;
    panels.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({ DefaultRootObject: 'index.html', DefaultCacheBehavior: Match.objectLike({ ViewerProtocolPolicy: 'redirect-to-https' }) }),
    });
    const headers = Object.values(panels.findResources('AWS::CloudFront::ResponseHeadersPolicy'))[0]!.Properties.ResponseHeadersPolicyConfig.SecurityHeadersConfig;
    expect(headers.StrictTransportSecurity).toMatchObject({ AccessControlMaxAgeSec: 31536000, IncludeSubdomains: true });
    expect(headers.FrameOptions.FrameOption).toBe('DENY');
    expect(headers.ContentTypeOptions.Override).toBe(true);
    expect(JSON.stringify(headers.ContentSecurityPolicy)).toContain("frame-ancestors 'none'");
  });

  it("gives the panels their own Cognito app client: authorization code (PKCE) only, no password flows, openid email profile, the panels' and localhost's URLs", () => {
    const clients = Object.values(shipping.panels.findResources('AWS::Cognito::UserPoolClient'));
    expect(clients).toHaveLength(1);
    const client = clients[0]!.Properties;
    expect(client.AllowedOAuthFlows).toEqual(['code']);
    expect(client.AllowedOAuthFlowsUserPoolClient).toBe(true);
    expect(client.AllowedOAuthScopes.sort()).toEqual(['email', 'openid', 'profile']);
    expect(client.GenerateSecret).toBe(false);
    expect(client.ExplicitAuthFlows).toEqual(['ALLOW_REFRESH_TOKEN_AUTH']);
    expect(client.SupportedIdentityProviders).toEqual(['COGNITO']);
    const panelsUrl = { 'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [expect.stringMatching(/^Distribution/), 'DomainName'] }, '/']] };
    expect(client.CallbackURLs).toEqual([panelsUrl, 'http://localhost:5173/', 'http://localhost:3000/']);
    expect(client.LogoutURLs).toEqual(client.CallbackURLs);
    shipping.panels.resourceCountIs('AWS::Cognito::UserPoolDomain', 1);
  });

  it('deploys the built UI and a config.json naming the API, the hosted UI and the client, then invalidates the cache', () => {
    const deployment = Object.values(shipping.panelsContent.findResources('Custom::CDKBucketDeployment'))[0]!.Properties;
    expect(deployment.SourceObjectKeys).toHaveLength(2);
    expect(deployment.DistributionPaths).toEqual(['/index.html', '/config.json']);
    const markers = JSON.stringify(deployment.SourceMarkers);
    for (const reference of ['HttpApi', 'SignInDomain', 'WebClient']) expect(markers).toContain(reference);
  });
});
