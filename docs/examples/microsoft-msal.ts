/**
 * The page on a tenant's Microsoft Defender XDR and Microsoft Sentinel, signed in with MSAL.
 * Type-checked in CI (`npm run typecheck`), so it stays in step with the library.
 *
 * Register a single-page application in Microsoft Entra ID, grant it the delegated permissions
 * of docs/providers/defender.md and docs/providers/sentinel.md, and put its ids below.
 */
import { createStandardPublicClientApplication, InteractionRequiredAuthError, type IPublicClientApplication } from '@azure/msal-browser';
import 'ip-entity-page/ip-entity-page.js';
import { combineProviders } from 'ip-entity-page';
import { DefenderXdrProvider } from 'ip-entity-page/providers/defender.js';
import { SentinelProvider } from 'ip-entity-page/providers/sentinel.js';

const TENANT_ID = '00000000-0000-0000-0000-000000000000';
const CLIENT_ID = '11111111-1111-1111-1111-111111111111';

/** Tokens come from MSAL's cache; only a token that cannot be renewed silently asks the analyst. */
function tokenSource(msal: IPublicClientApplication) {
  return async (scope: string): Promise<string> => {
    const account = msal.getActiveAccount() ?? msal.getAllAccounts()[0];
    if (!account) throw new Error('Nobody is signed in.');
    try {
      return (await msal.acquireTokenSilent({ account, scopes: [scope] })).accessToken;
    } catch (error) {
      if (!(error instanceof InteractionRequiredAuthError)) throw error;
      return (await msal.acquireTokenPopup({ account, scopes: [scope] })).accessToken;
    }
  };
}

export async function mountIpPage(ip: string): Promise<void> {
  const msal = await createStandardPublicClientApplication({
    auth: { clientId: CLIENT_ID, authority: `https://login.microsoftonline.com/${TENANT_ID}`, redirectUri: location.origin },
  });
  const result = await msal.handleRedirectPromise();
  if (result?.account) msal.setActiveAccount(result.account);
  if (!msal.getActiveAccount() && !msal.getAllAccounts().length) {
    await msal.loginRedirect({ scopes: ['https://graph.microsoft.com/.default'] });
    return;
  }
  const getToken = tokenSource(msal);

  const defender = new DefenderXdrProvider({
    getToken,
    tenantId: TENANT_ID,
    // The Defender for Endpoint API through the portal's own relay (docs/examples/defender-proxy.mjs,
    // pointed at the regional host near you: eu., us., uk., au. …).
    defenderUrl: '/defender-api',
  });
  const sentinel = new SentinelProvider({
    getToken,
    workspaceId: '22222222-2222-2222-2222-222222222222',
    subscriptionId: '33333333-3333-3333-3333-333333333333',
    resourceGroup: 'soc',
    workspaceName: 'contoso-sentinel',
  });

  const page = document.createElement('ip-entity-page');
  page.provider = combineProviders(defender, sentinel);
  page.ip = ip;
  page.currentUser = msal.getActiveAccount()?.username;
  page.addEventListener('ip-error', (e) => console.warn(`${e.detail.section}: ${e.detail.message}`));
  document.body.append(page);
}
