/**
 * Log in with e-mail and password. When the account has a second factor the server
 * answers `totp_required`; the form then also asks for the 6-digit code.
 */
import { useRef, useState, type FormEvent } from 'react';
import { Button, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api.ts';
import { TextField } from '../../components/forms.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { ErrorAlert, InfoAlert } from '../../components/status.tsx';
import { useSession } from '../../session.tsx';

export function LoginPage({ sessionEnded }: { sessionEnded?: boolean }) {
  const { t } = useTranslation();
  const { login } = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [totp, setTotp] = useState('');
  const [needTotp, setNeedTotp] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [fields, setFields] = useState<Record<string, string>>({});
  const errorRef = useRef<HTMLDivElement>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const f: Record<string, string> = {};
    if (!email.trim()) f.email = t('login.emailRequired');
    if (!password) f.password = t('login.passwordRequired');
    if (needTotp && !/^[0-9]{6}$/.test(totp)) f.totp = t('login.totpInvalid');
    setFields(f);
    if (Object.keys(f).length) return;
    setBusy(true);
    setError(null);
    try {
      await login({ email: email.trim(), password, ...(needTotp ? { totp } : {}) });
    } catch (err) {
      if (isApiError(err) && err.code === 'totp_required') {
        setNeedTotp(true);
        setError(null);
      } else if (isApiError(err) && err.code === 'invalid_totp') {
        setFields({ totp: t('login.totpWrong') });
      } else {
        setError(err);
        errorRef.current?.focus();
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageTitle>{t('login.title')}</PageTitle>
      <Paragraph lead>{t('login.intro')}</Paragraph>
      {sessionEnded && <InfoAlert>{t('login.sessionEnded')}</InfoAlert>}
      <div ref={errorRef} tabIndex={-1}>{error !== null && <ErrorAlert error={error} />}</div>
      <form onSubmit={submit} noValidate className="rondom-form" aria-label={t('login.title')}>
        <TextField label={t('login.email')} name="email" type="email" autoComplete="username" value={email} onChange={setEmail} error={fields.email} required />
        <TextField label={t('login.password')} name="password" type="password" autoComplete="current-password" value={password} onChange={setPassword} error={fields.password} required />
        {needTotp && (
          <TextField
            label={t('login.totp')}
            name="totp"
            inputMode="numeric"
            autoComplete="one-time-code"
            description={t('login.totpHelp')}
            value={totp}
            onChange={setTotp}
            error={fields.totp}
            maxLength={6}
            required
          />
        )}
        <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>
          {busy ? t('login.busy') : t('login.submit')}
        </Button>
      </form>
    </>
  );
}
