import { Aws, CrossStackReferences, Duration, ReferenceStrength, Stack, Validations, type StackProps } from 'aws-cdk-lib';
import {
  AllowedMethods,
  CachePolicy,
  Distribution,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  HttpVersion,
  PriceClass,
  ResponseHeadersPolicy,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { OAuthScope, UserPoolClient, UserPoolClientIdentityProvider, UserPoolDomain, type IUserPool } from 'aws-cdk-lib/aws-cognito';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import { SERVICE_NAME, type DeployConfig, type Stage } from './deploy-config.ts';

/** The panels bucket's name: known to the content stack (and to cdk-nag's findings) without a cross-stack token. */
export const panelsBucketNameFor = (stage: Stage, account: string = Aws.ACCOUNT_ID, region: string = Aws.REGION): string =>
  `${SERVICE_NAME}-${stage}-panels-${account}-${region}`;

/** Where `npm run dev` (Vite) and `npm start` serve the panels: sign-in may come back there too. */
export const PANELS_LOCAL_URLS = ['http://localhost:5173/', 'http://localhost:3000/'];

export interface PanelsStackProps extends StackProps {
  config: DeployConfig;
  userPool: IUserPool;
}

/**
 * Where the panels live: a private bucket behind CloudFront (origin access control, HTTPS only,
 * security headers), and how people sign in to them: the user pool's hosted UI and an app client for
 * the panels alone (authorization code with PKCE, no secret, no password flows). The files and
 * `config.json` are deployed by the panels content stack, once the API's URL is known.
 */
export class PanelsStack extends Stack {
  readonly bucket: Bucket;
  readonly distribution: Distribution;
  /** `https://<distribution domain>` (or the configured `panelsOrigin`): the one origin CORS allows. */
  readonly origin: string;
  readonly client: UserPoolClient;
  readonly signInDomain: UserPoolDomain;

  constructor(scope: Construct, id: string, props: PanelsStackProps) {
    super(scope, id, props);
    // Its app client and sign-in domain use the user pool: CloudFormation keeps the pool while they exist.
    CrossStackReferences.of(this).consume(ReferenceStrength.STRONG);
    const { config } = props;
    this.bucket = new Bucket(this, 'WebBucket', {
      bucketName: panelsBucketNameFor(config.stage),
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      removalPolicy: config.settings.removalPolicy,
    });
    this.distribution = new Distribution(this, 'Distribution', {
      comment: `${SERVICE_NAME} ${config.stage} panels`,
      defaultRootObject: 'index.html',
      httpVersion: HttpVersion.HTTP2_AND_3,
      priceClass: PriceClass.PRICE_CLASS_200,
      defaultBehavior: {
        origin: S3BucketOrigin.withOriginAccessControl(this.bucket),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        allowedMethods: AllowedMethods.ALLOW_GET_HEAD,
        cachePolicy: CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: new ResponseHeadersPolicy(this, 'SecurityHeaders', {
          comment: 'Panels: HSTS, no framing, no sniffing, strict referrer, CSP',
          securityHeadersBehavior: {
            strictTransportSecurity: { accessControlMaxAge: Duration.days(365), includeSubdomains: true, override: true },
            frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
            contentTypeOptions: { override: true },
            referrerPolicy: { referrerPolicy: HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN, override: true },
            // The API and Cognito's token endpoint are the only other origins the page calls.
            contentSecurityPolicy: {
              contentSecurityPolicy: `default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self' https://*.execute-api.${Aws.REGION}.amazonaws.com https://*.amazoncognito.com; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'`,
              override: true,
            },
          },
        }),
      },
    });
    this.origin = config.panelsOrigin ?? `https://${this.distribution.distributionDomainName}`;

    this.signInDomain = new UserPoolDomain(this, 'SignInDomain', {
      userPool: props.userPool,
      cognitoDomain: { domainPrefix: `${SERVICE_NAME}-${config.stage}-${Aws.ACCOUNT_ID}` },
    });
    const urls = [`${this.origin}/`, ...PANELS_LOCAL_URLS];
    this.client = new UserPoolClient(this, 'WebClient', {
      userPool: props.userPool,
      userPoolClientName: `${SERVICE_NAME}-${config.stage}-panels-web`,
      generateSecret: false,
      // No password or SRP sign-in through this client: only the hosted UI's authorization code (+ refresh).
      authFlows: { userPassword: false, userSrp: false, adminUserPassword: false, custom: false },
      oAuth: {
        flows: { authorizationCodeGrant: true, implicitCodeGrant: false, clientCredentials: false },
        scopes: [OAuthScope.OPENID, OAuthScope.EMAIL, OAuthScope.PROFILE],
        callbackUrls: urls,
        logoutUrls: urls,
      },
      supportedIdentityProviders: [UserPoolClientIdentityProvider.COGNITO],
      preventUserExistenceErrors: true,
      idTokenValidity: Duration.hours(1),
      accessTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.days(1),
    });

    Validations.of(this.bucket).acknowledge({
      id: 'AwsSolutions-S1',
      reason: 'The bucket holds only the built UI, written by the deployment; reads come through CloudFront alone (origin access control), whose requests are what to log.',
    });
    Validations.of(this.distribution).acknowledge(
      { id: 'AwsSolutions-CFR1', reason: 'Sellers, customers and delivery persons may be anywhere; the API behind the panels checks every token, so no country is blocked.' },
      { id: 'AwsSolutions-CFR2', reason: 'The distribution serves static files only; every request that acts goes to the API, which has its own throttling and JWT authorizer.' },
      { id: 'AwsSolutions-CFR3', reason: 'Static files of a public UI; the API keeps access logs of every call that reads or changes data.' },
      {
        id: 'AwsSolutions-CFR4',
        reason: 'The default *.cloudfront.net certificate cannot be pinned to TLS 1.2; an installation with its own domain (-c panelsOrigin) adds its ACM certificate and TLSv1.2_2021 here.',
      },
    );
  }
}
