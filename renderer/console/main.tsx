import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nProvider } from '../shared/i18n/i18n';
import { ConsoleApp } from './ConsoleApp';
import '../shared/styles/tokens.css';
import './shared.css';
import './console.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nProvider>
      <ConsoleApp />
    </I18nProvider>
  </StrictMode>,
);
