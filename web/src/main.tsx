/** Entry point: design tokens and NL Design System CSS, i18n, then the app. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './styles/nlds.ts';
import './styles/app.css';
import './i18n/index.ts';
import { App } from './App.tsx';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
