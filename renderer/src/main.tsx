import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { accountCallObserver } from './accounts/accountActions';
import { createClient } from './api/client';
import { observeCalls } from './api/observeCalls';
import { ApiProvider } from './api/useApi';
import { App } from './app/App';
import { initI18n } from './i18n';
import { useAppStore } from './store/appStore';
import './theme/theme.css';

initI18n(useAppStore.getState().language);
const base = createClient();
// every call's outcome tells the account it concerns whether its host is still there
const client = observeCalls(base, accountCallObserver(() => base));
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ApiProvider client={client}>
      <App />
    </ApiProvider>
  </StrictMode>,
);
