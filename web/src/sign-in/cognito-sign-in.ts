import type { PanelsConfig } from '../config.ts';

type CognitoConfig = Extract<PanelsConfig, { mode: 'cognito' }>;

const VERIFIER_KEY = 'panels.pkce';

const base64Url = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

/** Sends the browser to Cognito's hosted UI: authorization code with PKCE (S256), no client secret. */
export async function startCognitoSignIn(config: CognitoConfig): Promise<void> {
  const verifier = base64Url(crypto.getRandomValues(new Uint8Array(32)));
  const state = base64Url(crypto.getRandomValues(new Uint8Array(16)));
  sessionStorage.setItem(VERIFIER_KEY, JSON.stringify({ verifier, state }));
  const challenge = base64Url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))));
  const query = new URLSearchParams({
    response_type: 'code',
    client_id: config.clientId,
    redirect_uri: config.redirectUri,
    scope: 'openid email profile',
    code_challenge_method: 'S256',
    code_challenge: challenge,
    state,
  });
  window.location.assign(`${config.cognitoDomain}/oauth2/authorize?${query}`);
}

/** Back from the hosted UI with `?code=`: trades it (with the verifier) for tokens; undefined when this is no callback. */
export async function finishCognitoSignIn(config: CognitoConfig): Promise<string | undefined> {
  const params = new URLSearchParams(window.location.search);
  const code = params.get('code');
  const saved = sessionStorage.getItem(VERIFIER_KEY);
  if (!code || !saved) return undefined;
  sessionStorage.removeItem(VERIFIER_KEY);
  window.history.replaceState(null, '', window.location.pathname);
  const { verifier, state } = JSON.parse(saved) as { verifier: string; state: string };
  if (params.get('state') !== state) throw new Error('The sign-in answer did not match this browser tab. Please sign in again.');
  const response = await fetch(`${config.cognitoDomain}/oauth2/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'authorization_code', client_id: config.clientId, code, redirect_uri: config.redirectUri, code_verifier: verifier }),
  });
  if (!response.ok) throw new Error(`Sign-in failed (HTTP ${response.status}). Please sign in again.`);
  // The access token carries `cognito:groups` (the role) and `client_id`, which the API's JWT authorizer checks.
  return ((await response.json()) as { access_token: string }).access_token;
}

export function cognitoSignOutUrl(config: CognitoConfig): string {
  return `${config.cognitoDomain}/logout?${new URLSearchParams({ client_id: config.clientId, logout_uri: config.logoutUri })}`;
}
