/**
 * Bundled in place of `@aws-sdk/credential-provider-node` (see HOUSE_BUNDLE.alias): Lambda always
 * hands a function its role's credentials in the environment, so the SDK's full provider chain
 * (SSO, INI files, instance metadata, and the STS/SSO clients they pull in) is dead weight there.
 */
export { fromEnv as defaultProvider } from '@aws-sdk/credential-provider-env';
