import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createClient } from './api/client';
import { ApiProvider } from './api/useApi';
import { App } from './app/App';
import { initI18n } from './i18n';
import { useAppStore } from './store/appStore';
import './theme/theme.css';

initI18n(useAppStore.getState().language);
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ApiProvider client={createClient()}>
      <App />
    </ApiProvider>
  </StrictMode>,
);
