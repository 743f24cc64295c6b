/** Entry point: design tokens and NL Design System CSS, i18n, then the app. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './styles/nlds.ts';
import './styles/app.css';
import { i18nReady } from './i18n/index.ts';
import { App } from './App.tsx';

const root = document.getElementById('root');
// English texts load on demand: render once the chosen language is there (Dutch: at once).
void i18nReady.finally(() => {
  if (root) {
    createRoot(root).render(
      <StrictMode>
        <App />
      </StrictMode>,
    );
  }
});
