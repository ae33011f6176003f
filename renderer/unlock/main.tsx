import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { UnlockApp } from './UnlockApp';
import './unlock.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <UnlockApp />
  </StrictMode>,
);
