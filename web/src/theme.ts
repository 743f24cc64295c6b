/**
 * The region's colour: GET /api/v1/theme (the reader's region's own, else the installation's;
 * the server has checked it against the 4.5:1 rule) set as the custom properties that
 * styles/rondom-theme.css reads. Set through the CSSOM, which the CSP (style-src 'self') allows.
 * Until the answer comes, and when it fails, the theme's neutral default stays.
 */
import { useEffect } from 'react';
import { request } from './api.ts';

interface Theme {
  primary: string;
  primaryHover: string;
  primaryActive: string;
  tint: string;
}

const PROPERTIES: Record<keyof Theme, string> = {
  primary: '--rondom-color-primary',
  primaryHover: '--rondom-color-primary-hover',
  primaryActive: '--rondom-color-primary-active',
  tint: '--rondom-color-surface-tint',
};

export function applyTheme(theme: Theme): void {
  const style = document.documentElement.style;
  for (const [key, property] of Object.entries(PROPERTIES) as [keyof Theme, string][]) {
    if (/^#[0-9a-f]{6}$/i.test(theme[key])) style.setProperty(property, theme[key]);
  }
}

/** Loads and applies the theme for whoever is logged in now (`userId` null: nobody, the login page). */
export function useRegionTheme(userId: string | null): void {
  useEffect(() => {
    const controller = new AbortController();
    request<Theme>('GET', '/api/v1/theme', { allowUnauthenticated: true, signal: controller.signal })
      .then(({ data }) => applyTheme(data), () => undefined);
    return () => controller.abort();
  }, [userId]);
}
