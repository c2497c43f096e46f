import { CrossStackReferences, ReferenceStrength, Stack, Token, Validations, type StackProps } from 'aws-cdk-lib';
import type { IDistribution } from 'aws-cdk-lib/aws-cloudfront';
import { Bucket } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, Source } from 'aws-cdk-lib/aws-s3-deployment';
import type { Construct } from 'constructs';
import type { Stage } from './deploy-config.ts';
import { panelsBucketNameFor } from './panels-stack.ts';

/** What CDK's deployment handler is granted with wildcards (CDK's grant helpers and its staging bucket). */
const DEPLOYMENT_WILDCARDS = ['Action::s3:GetObject*', 'Action::s3:GetBucket*', 'Action::s3:List*', 'Action::s3:DeleteObject*', 'Action::s3:Abort*', 'Resource::*'];

export interface PanelsContentStackProps extends StackProps {
  stage: Stage;
  distribution: IDistribution;
  /** The built UI (`web/dist`, made by `vite build`). */
  webBuildDir: string;
  apiUrl: string;
  /** `https://<prefix>.auth.<region>.amazoncognito.com`: the hosted UI. */
  cognitoDomain: string;
  clientId: string;
  origin: string;
}

/**
 * The panels' files and their `config.json` (the API URL and Cognito settings, known only once the
 * other stacks exist), copied into the panels bucket; CloudFront's cache is invalidated after.
 */
export class PanelsContentStack extends Stack {
  constructor(scope: Construct, id: string, props: PanelsContentStackProps) {
    super(scope, id, props);
    CrossStackReferences.of(this).consume(ReferenceStrength.STRONG);
    const redirectUri = `${props.origin}/`;
    new BucketDeployment(this, 'Web', {
      destinationBucket: Bucket.fromBucketName(this, 'WebBucket', panelsBucketNameFor(props.stage)),
      distribution: props.distribution,
      distributionPaths: ['/index.html', '/config.json'],
      sources: [
        Source.asset(props.webBuildDir),
        Source.jsonData('config.json', { mode: 'cognito', apiUrl: props.apiUrl, cognitoDomain: props.cognitoDomain, clientId: props.clientId, redirectUri, logoutUri: redirectUri }),
      ],
      memoryLimit: 256,
    });
    // The copying function is CDK's own singleton, a direct child of the stack.
    const handler = this.node.children.find((child) => child.node.id.startsWith('Custom::CDKBucketDeployment'))!;
    const copying = "CDK's BucketDeployment handler, run only during deployments, reads the asset from CDK's staging bucket, replaces the panels bucket's files and invalidates the distribution (no resource-level permission exists for that)";
    Validations.of(handler).acknowledge(
      { id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]', reason: "CDK's BucketDeployment handler writes its own logs with the basic execution role; it runs only during deployments." },
      ...DEPLOYMENT_WILDCARDS.map((wildcard) => ({ id: `AwsSolutions-IAM5[${wildcard}]`, reason: copying })),
      { id: `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::${this.stagingBucketAsNagShowsIt()}/*]`, reason: copying },
      { id: `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::${panelsBucketNameFor(props.stage, '<AWS::AccountId>', '<AWS::Region>')}/*]`, reason: copying },
      { id: 'AwsSolutions-L1', reason: "The runtime of CDK's own BucketDeployment handler (Python) is chosen by aws-cdk-lib and moves with it." },
    );
  }

  /** CDK's asset bucket (default bootstrap), named as cdk-nag prints it: pseudo parameters unless the environment is known. */
  private stagingBucketAsNagShowsIt(): string {
    const account = Token.isUnresolved(this.account) ? '<AWS::AccountId>' : this.account;
    const region = Token.isUnresolved(this.region) ? '<AWS::Region>' : this.region;
    return `cdk-hnb659fds-assets-${account}-${region}`;
  }
}
