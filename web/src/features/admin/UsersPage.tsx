/** Admin: users this admin manages, and adding a user with one role. */
import { useState, type FormEvent } from 'react';
import { Button, Heading, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api.ts';
import { Form, SelectField, TextField } from '../../components/forms.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { DataSection } from '../../components/Section.tsx';
import { ErrorAlert, SuccessAlert } from '../../components/status.tsx';
import { fieldErrorsOf } from '../../errors.ts';
import { useLoad } from '../../hooks.ts';
import { useMe } from '../../session.tsx';
import { ROLES, type AdminUser, type Organisation } from '../../types.ts';
import { TableScroll } from '../../components/TableScroll.tsx';
import { EmailLink } from '../../components/Contact.tsx';

export function UsersPage() {
  const { t } = useTranslation();
  const users = useLoad((s) => api.get<AdminUser[]>('/api/v1/admin/users?limit=500', s), []);
  const orgs = useLoad((s) => api.get<Organisation[]>('/api/v1/admin/organisations?limit=500', s), []);
  const orgName = (id: string) => orgs.data?.find((o) => o.id === id)?.name ?? '';
  return (
    <>
      <PageTitle>{t('admin.usersTitle')}</PageTitle>
      <DataSection title={t('admin.userList')} loaded={users} empty={(d) => d.length === 0} emptyText={t('admin.noUsers')}>
        {(items) => (
          <TableScroll label={t('admin.userList')}>
            <Table>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{t('admin.name')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('admin.email')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('admin.roles')}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {items.map((u) => (
                  <TableRow key={u.id}>
                    <TableCell>{u.displayName}{u.active ? '' : ` (${t('admin.inactive')})`}</TableCell>
                    <TableCell><EmailLink email={u.email} /></TableCell>
                    <TableCell>
                      {[
                        ...(u.isPlatformAdmin ? [t('admin.platformAdmin')] : []),
                        ...(u.kind !== 'staff' ? [t(`userKind.${u.kind}`, { defaultValue: u.kind })] : []),
                        ...u.memberships.map((m) => `${t(`role.${m.role}`, { defaultValue: m.role })}${orgName(m.organisationId) ? `, ${orgName(m.organisationId)}` : ''}`),
                      ].join('; ') || '—'}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableScroll>
        )}
      </DataSection>
      <NewUserForm organisations={orgs.data ?? []} onCreated={users.reload} />
    </>
  );
}

function NewUserForm({ organisations, onCreated }: { organisations: Organisation[]; onCreated: () => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const empty = { kind: 'staff', displayName: '', email: '', password: '', organisationId: '', role: '' };
  const [form, setForm] = useState(empty);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState('');
  const set = (k: keyof typeof form) => (v: string) => setForm((f) => ({ ...f, [k]: v }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const f: Record<string, string> = {};
    if (!form.displayName.trim()) f.displayName = t('fieldError.required');
    if (!form.email.trim()) f.email = t('fieldError.required');
    if (form.password.length < 12) f.password = t('admin.passwordTooShort');
    if (form.kind === 'staff' && (!form.organisationId || !form.role)) {
      if (!form.organisationId) f.organisationId = t('fieldError.choose');
      if (!form.role) f.role = t('fieldError.choose');
    }
    setFields(f);
    setDone('');
    if (Object.keys(f).length) return;
    setBusy(true);
    setError(null);
    const regionId = organisations.find((o) => o.id === form.organisationId)?.regionId ?? me.regionId;
    try {
      const created = await api.post<AdminUser>('/api/v1/admin/users', {
        regionId, kind: form.kind, email: form.email.trim(), displayName: form.displayName.trim(), password: form.password,
        ...(form.kind === 'staff' ? { memberships: [{ organisationId: form.organisationId, role: form.role }] } : {}),
      });
      setDone(t('admin.userCreated', { name: created.displayName }));
      setForm(empty);
      onCreated();
    } catch (err) {
      setError(err);
      setFields(fieldErrorsOf(t, err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="new-user" className="rondom-section">
      <Heading level={2} id="new-user">{t('admin.newUser')}</Heading>
      {done && <SuccessAlert>{done}</SuccessAlert>}
      {error !== null && <ErrorAlert error={error} prefix={t('common.notSaved')} />}
      <Form onSubmit={submit}>
        <SelectField
          label={t('admin.kind')} name="kind" value={form.kind} onChange={set('kind')} error={fields.kind}
          options={['staff', 'parent', 'young_person'].map((v) => ({ value: v, label: t(`userKind.${v}`) }))}
        />
        <TextField label={t('admin.name')} name="displayName" value={form.displayName} onChange={set('displayName')} error={fields.displayName} required />
        <TextField label={t('admin.email')} name="email" type="email" autoComplete="off" value={form.email} onChange={set('email')} error={fields.email} required />
        <TextField
          label={t('admin.password')} name="password" type="password" autoComplete="new-password" value={form.password}
          onChange={set('password')} error={fields.password} description={t('admin.passwordHelp')} required
        />
        {form.kind === 'staff' && (
          <>
            <SelectField
              label={t('admin.organisation')} name="organisationId" value={form.organisationId} onChange={set('organisationId')}
              error={fields.organisationId ?? fields.memberships} placeholder={t('common.choose')}
              options={organisations.map((o) => ({ value: o.id, label: o.name }))}
            />
            <SelectField
              label={t('admin.role')} name="role" value={form.role} onChange={set('role')} error={fields.role} placeholder={t('common.choose')}
              options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))}
            />
          </>
        )}
        <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>{busy ? t('common.saving') : t('admin.createUser')}</Button>
      </Form>
    </section>
  );
}
