/**
 * My account: who you are, your organisations and roles, and changing your password. The
 * server asks the current password again and ends your sessions on other devices.
 */
import { useState, type FormEvent } from 'react';
import { Alert, Button, Heading, Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { api, isApiError } from '../../api.ts';
import { TextField } from '../../components/forms.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { ErrorAlert } from '../../components/status.tsx';
import { useSave } from '../../hooks.ts';
import { useSession } from '../../session.tsx';

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
      try {
        await api.post('/api/v1/me/password', { currentPassword: form.currentPassword, newPassword: form.newPassword });
      } catch (err) {
        // Say per field what is wrong, in plain words (the server's field notes are technical).
        if (isApiError(err) && err.fields.currentPassword) setFields({ currentPassword: t('account.currentWrong') });
        else if (isApiError(err) && err.code === 'weak_password') setFields({ newPassword: err.localMessage(i18n.language) });
        throw err;
      }
      setForm(EMPTY);
      setDone(true);
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
