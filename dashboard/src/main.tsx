import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@watchword/react/styles.css';
import './styles.css';
import { Dashboard } from './App.js';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Dashboard baseUrl={window.location.origin} />
  </StrictMode>,
);
