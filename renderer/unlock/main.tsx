import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nProvider, systemLanguage } from '../shared/i18n/i18n';
import { UnlockApp } from './UnlockApp';
import '../shared/styles/tokens.css';
import './unlock.css';

// The counselor's language is a setting inside the encrypted records, which this window opens:
// until then it can only follow the system's language.
document.documentElement.lang = systemLanguage();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nProvider>
      <UnlockApp />
    </I18nProvider>
  </StrictMode>,
);
