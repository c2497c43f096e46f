/**
 * What the deployment tells the UI at run time (`/config.json`): locally the server writes it;
 * on AWS the stack's deployment does (API URL, Cognito domain and app client).
 */
export type PanelsConfig =
  | { mode: 'local'; apiUrl: string }
  | { mode: 'cognito'; apiUrl: string; cognitoDomain: string; clientId: string; redirectUri: string; logoutUri: string };

export async function loadConfig(): Promise<PanelsConfig> {
  const response = await fetch('/config.json', { cache: 'no-store' });
  if (!response.ok) throw new Error(`The panels' settings could not be loaded (HTTP ${response.status}).`);
  return (await response.json()) as PanelsConfig;
}
