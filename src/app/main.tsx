import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { registerServiceWorker } from '../pwa/register.ts';
import { App } from './App.tsx';

const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

// Offline use after the first visit (the built site only: the dev server serves fresh files).
if (import.meta.env.PROD) registerServiceWorker('./sw.js');
