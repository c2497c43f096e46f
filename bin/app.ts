import { App } from 'aws-cdk-lib';
import { deployConfigFromNode } from '../lib/deploy-config.ts';
import { addShippingStacks } from '../lib/shipping-app.ts';
import { ensurePanelsBuild } from '../local/panels-build.ts';

// The panels' files are an asset of the deployment: build them first when missing or stale (offline, ~1 s).
await ensurePanelsBuild();
const app = new App();
addShippingStacks(app, deployConfigFromNode(app.node));
