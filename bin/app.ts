import { App } from 'aws-cdk-lib';
import { deployConfigFromNode } from '../lib/deploy-config.ts';
import { addShippingStacks } from '../lib/shipping-app.ts';

const app = new App();
addShippingStacks(app, deployConfigFromNode(app.node));
