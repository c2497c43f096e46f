import { useEffect, useState } from 'preact/hooks';
import { ErrorNotice, Loading } from '../components/states.tsx';

interface DemoPrincipal {
  role: string;
  sub: string;
}

/** Local mode: one button per demo principal; the local server mints its token (`/__local/*`, absent on AWS). */
export function LocalSignIn({ onToken }: { onToken: (token: string) => void }) {
  const [principals, setPrincipals] = useState<DemoPrincipal[]>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    fetch('/__local/principals')
      .then((response) => (response.ok ? (response.json() as Promise<DemoPrincipal[]>) : Promise.reject(new Error(`HTTP ${response.status}`))))
      .then((found) => setPrincipals(found.filter((principal) => principal.role !== 'system')))
      .catch(() => setError('The demo users could not be loaded. Is npm start running?'));
  }, []);
  const signIn = async (sub: string) => {
    const response = await fetch('/__local/sign-in', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ sub }) });
    if (!response.ok) return setError(`Signing in as ${sub} failed (HTTP ${response.status}).`);
    onToken(((await response.json()) as { token: string }).token);
  };
  return (
    <main class="sign-in">
      <h1>Sign in</h1>
      <p>Local mode: choose a demo user.</p>
      {error && <ErrorNotice message={error} />}
      {!principals && !error && <Loading what="demo users" />}
      <ul class="principals">
        {principals?.map((principal) => (
          <li key={principal.sub}>
            <button type="button" onClick={() => signIn(principal.sub)} aria-describedby={`role-${principal.sub}`}>
              {principal.sub}
            </button>{' '}
            <span id={`role-${principal.sub}`} class="meta">
              {principal.role}
            </span>
          </li>
        ))}
      </ul>
    </main>
  );
}
