/**
 * My account: who you are, your organisations and roles, changing your password (the server
 * asks the current password again and ends your sessions on other devices) and turning on
 * two-step verification (TOTP: a QR code for an authenticator app, confirmed with a code).
 */
import { useEffect, useState, type FormEvent } from 'react';
import QRCode from 'qrcode';
import { Alert, Button, Heading, Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { api, isApiError } from '../../api.ts';
import { TextField } from '../../components/forms.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { ErrorAlert } from '../../components/status.tsx';
import { useSave } from '../../hooks.ts';
import { useSession } from '../../session.tsx';
import type { TotpSetupOut } from '../../../../server/modules/accounts/accounts.schemas.ts';

const EMPTY = { currentPassword: '', newPassword: '', repeat: '' };

export function AccountPage() {
  const { t, i18n } = useTranslation();
  const { state } = useSession();
  const me = state.status === 'authenticated' ? state.me : null;
  const [form, setForm] = useState(EMPTY);
  const [done, setDone] = useState(false);
  const { busy, error, fields, setFields, save } = useSave();
  const set = (k: keyof typeof form) => (v: string) => { setForm((f) => ({ ...f, [k]: v })); setDone(false); };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const f: Record<string, string> = {};
    if (!form.currentPassword) f.currentPassword = t('fieldError.required');
    if (form.newPassword.length < 12) f.newPassword = t('account.newPasswordHelp');
    if (form.repeat !== form.newPassword) f.repeat = t('account.repeatDiffers');
    setFields(f);
    if (Object.keys(f).length) return;
    await save(async () => {
      await api.post('/api/v1/me/password', { currentPassword: form.currentPassword, newPassword: form.newPassword });
      setForm(EMPTY);
      setDone(true);
    }, (err): Record<string, string> | undefined => {
      // Say per field what is wrong, in plain words (the server's field notes are technical).
      if (isApiError(err) && err.fields.currentPassword) return { currentPassword: t('account.currentWrong') };
      if (isApiError(err) && err.code === 'weak_password') return { newPassword: err.localMessage(i18n.language) };
      return undefined;
    });
  };

  return (
    <>
      <PageTitle>{t('account.title')}</PageTitle>
      {me && (
        <>
          <Paragraph>{t('account.who', { name: me.displayName, email: me.email })}</Paragraph>
          {me.memberships.length > 0 && (
            <UnorderedList>
              {me.memberships.map((m) => (
                <UnorderedListItem key={`${m.organisationId}-${m.role}`}>{`${m.organisationName} — ${t(`role.${m.role}`, { defaultValue: m.role })}`}</UnorderedListItem>
              ))}
            </UnorderedList>
          )}
        </>
      )}
      <TotpSection enabled={Boolean(me?.totpEnabled)} />
      <Heading level={2}>{t('account.passwordTitle')}</Heading>
      <Paragraph>{t('account.passwordIntro')}</Paragraph>
      {done && (
        <Alert type="ok" role="status">
          <Paragraph>{t('account.changed')}</Paragraph>
        </Alert>
      )}
      {error !== null && <ErrorAlert error={error} prefix={t('account.failed')} />}
      <form onSubmit={submit} noValidate className="rondom-form">
        <TextField label={t('account.currentPassword')} name="currentPassword" type="password" value={form.currentPassword} onChange={set('currentPassword')} error={fields.currentPassword} autoComplete="current-password" required />
        <TextField label={t('account.newPassword')} name="newPassword" type="password" value={form.newPassword} onChange={set('newPassword')} error={fields.newPassword} description={t('account.newPasswordHelp')} autoComplete="new-password" required />
        <TextField label={t('account.repeat')} name="repeat" type="password" value={form.repeat} onChange={set('repeat')} error={fields.repeat} autoComplete="new-password" required />
        <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>{busy ? t('common.saving') : t('account.submit')}</Button>
      </form>
    </>
  );
}

type TotpSetup = TotpSetupOut;

/** Two-step verification: start (a new secret), scan or type it, confirm with a code; then it is on. */
function TotpSection({ enabled }: { enabled: boolean }) {
  const { t } = useTranslation();
  const { refresh } = useSession();
  const [setup, setSetup] = useState<TotpSetup | null>(null);
  const [qr, setQr] = useState<string | null>(null);
  const [code, setCode] = useState('');
  const [done, setDone] = useState(false);
  const { busy, error, fields, setFields, save } = useSave();

  useEffect(() => {
    if (!setup) return;
    let live = true;
    void QRCode.toString(setup.otpauthUrl, { type: 'svg', margin: 1 }).then((svg) => {
      if (live) setQr(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`);
    });
    return () => { live = false; };
  }, [setup]);

  const start = () => save(async () => {
    setSetup(await api.post<TotpSetup>('/api/v1/me/totp', {}));
  });
  const confirm = async (e: FormEvent) => {
    e.preventDefault();
    if (!/^[0-9]{6}$/.test(code.trim())) {
      setFields({ code: t('account.totpCodeFormat') });
      return;
    }
    setFields({});
    await save(async () => {
      await api.post('/api/v1/me/totp/confirm', { code: code.trim() });
      setDone(true);
      setSetup(null);
      await refresh();
    }, (err) => (isApiError(err) && err.code === 'invalid_totp' ? { code: t('account.totpCodeWrong') } : undefined));
  };

  return (
    <>
      <Heading level={2}>{t('account.totpTitle')}</Heading>
      {enabled || done ? (
        <>
          {done && (
            <Alert type="ok" role="status">
              <Paragraph>{t('account.totpDone')}</Paragraph>
            </Alert>
          )}
          <Paragraph>{t('account.totpOn')}</Paragraph>
        </>
      ) : (
        <>
          <Paragraph>{t('account.totpIntro')}</Paragraph>
          {error !== null && <ErrorAlert error={error} prefix={t('account.totpFailed')} />}
          {!setup ? (
            <Button appearance="secondary-action-button" onClick={() => void start()} busy={busy} disabled={busy}>{t('account.totpStart')}</Button>
          ) : (
            <form onSubmit={confirm} noValidate className="rondom-form">
              <Paragraph>{t('account.totpScan')}</Paragraph>
              {qr && <img src={qr} width={200} height={200} alt={t('account.totpQrAlt')} className="rondom-qr" />}
              <Paragraph>
                {t('account.totpManual')}{' '}
                <code className="rondom-totp-secret" data-testid="totp-secret">{setup.secret.replace(/(.{4})/g, '$1 ').trim()}</code>
              </Paragraph>
              <TextField label={t('account.totpCode')} name="code" inputMode="numeric" autoComplete="one-time-code" maxLength={6} value={code} onChange={setCode} error={fields.code} required />
              <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>{busy ? t('common.saving') : t('account.totpConfirm')}</Button>
            </form>
          )}
        </>
      )}
    </>
  );
}
