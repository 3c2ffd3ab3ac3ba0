import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { WatchwordProvider } from '@watchword/react';
import '@watchword/react/styles.css';
import { App } from './App.js';

// Where Watchword is and which app this is: from .env (VITE_WATCHWORD_URL, VITE_WATCHWORD_CLIENT_ID), or from the
// query string (?api=...&client_id=...), which the browser tests use.
const params = new URLSearchParams(location.search);
const baseUrl = params.get('api') ?? import.meta.env['VITE_WATCHWORD_URL'] ?? 'http://localhost:8080';
const clientId = params.get('client_id') ?? import.meta.env['VITE_WATCHWORD_CLIENT_ID'];

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <WatchwordProvider options={{ baseUrl, ...(clientId ? { clientId } : {}) }}>
      <App />
    </WatchwordProvider>
  </StrictMode>,
);
