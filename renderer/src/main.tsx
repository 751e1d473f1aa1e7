import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { z } from 'zod';
import { App } from './app';
import { getBridge } from './bridge';
import './styles/index.css';

// The CSP forbids eval; without this zod probes `new Function` and every page load logs a violation.
z.config({ jitless: true });

// Take the browser-mode token out of the address bar before anything renders.
getBridge();

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
