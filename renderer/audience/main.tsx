import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { AudienceApp } from './AudienceApp';
import '../shared/styles/tokens.css';
import './audience.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <AudienceApp />
  </StrictMode>,
);
