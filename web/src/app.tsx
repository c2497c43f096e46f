import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Principal } from '../../functions/domain/principal.ts';
import { AdminPanel } from './admin/admin-panel.tsx';
import { createApi, type Api } from './api.ts';
import { ErrorNotice, Loading } from './components/states.tsx';
import type { PanelsConfig } from './config.ts';
import { CustomerView } from './customer/customer-view.tsx';
import { DeliveryView } from './delivery/delivery-view.tsx';
import { SellerPanel } from './seller/seller-panel.tsx';
import { forgetSession, savedSession, saveSession, type Session } from './session.ts';
import { cognitoSignOutUrl, finishCognitoSignIn, startCognitoSignIn } from './sign-in/cognito-sign-in.ts';
import { LocalSignIn } from './sign-in/local-sign-in.tsx';

const PANEL_TITLES: Record<Principal['role'], string> = {
  seller: 'Seller panel',
  admin: 'Admin panel',
  customer: 'My orders',
  delivery: 'My deliveries',
  system: 'Storefront account',
};

export function App({ config }: { config: PanelsConfig }) {
  const [session, setSession] = useState<Session | undefined>(savedSession);
  const [error, setError] = useState<string>();
  const [finishing, setFinishing] = useState(config.mode === 'cognito');
  useEffect(() => {
    if (config.mode !== 'cognito') return;
    finishCognitoSignIn(config)
      .then((token) => token && setSession(saveSession(token)))
      .catch((failure: Error) => setError(failure.message))
      .finally(() => setFinishing(false));
  }, []);
  const signOut = () => {
    forgetSession();
    setSession(undefined);
    if (config.mode === 'cognito') window.location.assign(cognitoSignOutUrl(config));
  };
  const api = useMemo(() => session && createApi(config.apiUrl, session.token, signOut), [session]);

  if (!session || !api) {
    if (finishing) return <Loading what="your sign-in" />;
    if (config.mode === 'local') return <LocalSignIn onToken={(token) => setSession(saveSession(token))} />;
    return (
      <main class="sign-in">
        <h1>Sign in</h1>
        {error && <ErrorNotice message={error} />}
        <button type="button" class="primary" onClick={() => void startCognitoSignIn(config)}>
          Sign in
        </button>
      </main>
    );
  }
  const { principal } = session;
  return (
    <>
      <header class="app-header">
        <h1>{PANEL_TITLES[principal.role]}</h1>
        <p>
          Signed in as <strong>{principal.id}</strong>{' '}
          <button type="button" class="quiet" onClick={signOut}>
            Sign out
          </button>
        </p>
      </header>
      <main>
        <Panel api={api} principal={principal} />
      </main>
    </>
  );
}

function Panel({ api, principal }: { api: Api; principal: Principal }) {
  switch (principal.role) {
    case 'seller':
      return <SellerPanel api={api} principal={principal} />;
    case 'admin':
      return <AdminPanel api={api} principal={principal} />;
    case 'customer':
      return <CustomerView api={api} />;
    case 'delivery':
      return <DeliveryView api={api} />;
    default:
      return <p class="notice">This account is for the storefront's backend; it has no panel.</p>;
  }
}
