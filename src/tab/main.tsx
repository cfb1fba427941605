import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.js';
import { guardAgainstStaleAriaHidden } from './app/modal-guard.js';

const root = document.getElementById('root')!;
guardAgainstStaleAriaHidden(root);
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
