/** Loading, error and success messages, built on the NL Design System Alert. */
import { useEffect, useRef } from 'react';
import { Alert, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api.ts';

/** A polite live region: screen readers hear "loading" without losing focus. */
export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <Paragraph role="status" aria-live="polite" className="rondom-loading">
      <span className="rondom-spinner" aria-hidden="true" />
      {label ?? t('common.loading')}
    </Paragraph>
  );
}

/**
 * Says what went wrong, in the user's language. serverText: a refusal (403) shows the server's own
 * reason (e.g. why emergency access is not allowed) instead of the general "not allowed".
 */
export function ErrorAlert({ error, prefix, serverText }: { error: unknown; prefix?: string; serverText?: boolean }) {
  const { t, i18n } = useTranslation();
  let text = t('common.unexpectedError');
  if (isApiError(error)) {
    if (error.code === 'not_found') text = t('common.notFound');
    else if (error.code === 'forbidden' && !(serverText && error.messageNl)) text = t('common.forbidden');
    else text = error.localMessage(i18n.language);
  }
  return (
    <Alert type="error" role="alert">
      <Paragraph>{prefix ? `${prefix} ${text}` : text}</Paragraph>
    </Alert>
  );
}

/**
 * The confirmation of an action. It takes the focus when it appears (or its text changes), so
 * after a save keyboard and screen-reader users are at the confirmation, not thrown back to the
 * top of the page when the form or button they used goes away. focus={false} for a message that
 * is not the answer to what the user just did.
 */
export function SuccessAlert({ children, focus = true }: { children: string; focus?: boolean }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (focus) ref.current?.focus({ preventScroll: false });
  }, [children, focus]);
  return (
    <div ref={ref} tabIndex={-1} className="rondom-confirmation">
      <Alert type="ok" role="status">
        <Paragraph>{children}</Paragraph>
      </Alert>
    </div>
  );
}

export function InfoAlert({ children }: { children: string }) {
  return (
    <Alert type="info">
      <Paragraph>{children}</Paragraph>
    </Alert>
  );
}
