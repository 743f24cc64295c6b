/**
 * Admin: the users this admin manages, found by name or e-mail and filtered by organisation, role
 * and active, 25 a page (server-side; the search lives in the URL's query), and adding a user with one role.
 */
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { Button, ButtonGroup, Heading, Paragraph, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { api, query } from '../../api.ts';
import { SelectField, TextField } from '../../components/forms.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { DataSection } from '../../components/Section.tsx';
import { ErrorAlert, SuccessAlert } from '../../components/status.tsx';
import { fieldErrorsOf } from '../../errors.ts';
import { useLoad } from '../../hooks.ts';
import { useRouter } from '../../router.tsx';
import { focusField } from '../../components/focus.ts';
import { useMe } from '../../session.tsx';
import { ROLES, type AdminUser, type Organisation } from '../../types.ts';
import type { UserPageOut } from '../../../../server/modules/admin/admin.schemas.ts';

const PAGE_SIZE = 25;
const FORM_ID = 'user-search';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface UserFilter { q: string; organisationId: string; role: string; active: string; page: number }

/** The search a URL's query asks for (?q=…&organisationId=…&role=…&active=true&page=2); broken values are dropped. */
function filterFromSearch(search: URLSearchParams): UserFilter {
  const org = search.get('organisationId') ?? '';
  const role = search.get('role') ?? '';
  const active = search.get('active') ?? '';
  const page = Number(search.get('page') ?? '1');
  return {
    q: (search.get('q') ?? '').slice(0, 100), organisationId: UUID.test(org) ? org : '', role: (ROLES as readonly string[]).includes(role) ? role : '',
    active: active === 'true' || active === 'false' ? active : '', page: Number.isInteger(page) && page >= 1 && page <= 10_000 ? page : 1,
  };
}

function filterParams(f: UserFilter): Record<string, string | undefined> {
  return {
    q: f.q.trim() || undefined, organisationId: f.organisationId || undefined, role: f.role || undefined, active: f.active || undefined,
    page: f.page > 1 ? String(f.page) : undefined,
  };
}

/** GET /api/v1/admin/users/search: one page of users. */
type UserPage = UserPageOut;

export function UsersPage() {
  const { t } = useTranslation();
  const { path, search, navigate } = useRouter();
  const searchKey = search.toString();
  const filter = useMemo(() => filterFromSearch(new URLSearchParams(searchKey)), [searchKey]);
  const apiFilter = { ...filterParams(filter), page: undefined };
  const users = useLoad((s) => api.get<UserPage>(`/api/v1/admin/users/search${query({ ...apiFilter, limit: PAGE_SIZE, offset: (filter.page - 1) * PAGE_SIZE })}`, s), [filter]);
  const orgs = useLoad((s) => api.get<Organisation[]>('/api/v1/admin/organisations?limit=500', s), []);
  const orgName = (id: string) => orgs.data?.find((o) => o.id === id)?.name ?? '';
  const go = (f: UserFilter) => navigate(`${path}${query(filterParams(f))}`, { keepScroll: true });
  const pages = users.data ? Math.max(1, Math.ceil(users.data.total / PAGE_SIZE)) : 1;
  return (
    <>
      <PageTitle>{t('admin.usersTitle')}</PageTitle>
      <section aria-labelledby="user-search" className="rondom-section">
        <Heading level={2} id="user-search">{t('admin.searchTitle')}</Heading>
        <UserSearchForm value={filter} organisations={orgs.data ?? []} onApply={(f) => go({ ...f, page: 1 })} />
      </section>
      {/* Announced to screen readers once a search has loaded (present before it changes). */}
      <p role="status" aria-live="polite" className="rondom-results-status">
        {!users.loading && users.data ? t('admin.found', { count: users.data.total }) : ''}
      </p>
      <DataSection title={t('admin.userList')} loaded={users} empty={(d) => d.items.length === 0} emptyText={t('admin.noneFound')}>
        {(d) => (
          <>
            <div className="rondom-table-scroll">
              <Table>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell scope="col">{t('admin.name')}</TableHeaderCell>
                    <TableHeaderCell scope="col">{t('admin.email')}</TableHeaderCell>
                    <TableHeaderCell scope="col">{t('admin.roles')}</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {d.items.map((u) => (
                    <TableRow key={u.id}>
                      <TableCell>{u.displayName}{u.active ? '' : ` (${t('admin.inactive')})`}</TableCell>
                      <TableCell>{u.email}</TableCell>
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
            </div>
            {pages > 1 && (
              <nav aria-label={t('admin.pagesLabel')} className="rondom-pager">
                <Paragraph>{t('admin.page', { page: filter.page, pages })}</Paragraph>
                <ButtonGroup>
                  {filter.page > 1 && <Button appearance="secondary-action-button" onClick={() => go({ ...filter, page: filter.page - 1 })}>{t('admin.previous')}</Button>}
                  {filter.page < pages && <Button appearance="secondary-action-button" onClick={() => go({ ...filter, page: filter.page + 1 })}>{t('admin.next')}</Button>}
                </ButtonGroup>
              </nav>
            )}
          </>
        )}
      </DataSection>
      <NewUserForm organisations={orgs.data ?? []} onCreated={users.reload} />
    </>
  );
}

/** Name or e-mail, organisation, role, active; applied on submit (a select never reloads the list by itself). */
function UserSearchForm({ value, organisations, onApply }: { value: UserFilter; organisations: Organisation[]; onApply: (f: UserFilter) => void }) {
  const { t } = useTranslation();
  const [form, setForm] = useState(value);
  // Back and forward change the URL: the form follows it (value changes only with the URL).
  useEffect(() => setForm(value), [value]);
  const set = (k: 'q' | 'organisationId' | 'role' | 'active') => (v: string) => setForm((f) => ({ ...f, [k]: v }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onApply({ ...form, q: form.q.trim() });
  };
  return (
    <form id={FORM_ID} role="search" aria-label={t('admin.searchTitle')} onSubmit={submit} noValidate className="rondom-form">
      <TextField label={t('admin.search')} name="q" type="search" maxLength={100} value={form.q} onChange={set('q')} />
      <SelectField
        label={t('admin.organisation')} name="organisationId" value={form.organisationId} onChange={set('organisationId')} placeholder={t('admin.allOrganisations')}
        options={organisations.map((o) => ({ value: o.id, label: o.name }))}
      />
      <SelectField
        label={t('admin.role')} name="role" value={form.role} onChange={set('role')} placeholder={t('admin.allRoles')}
        options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))}
      />
      <SelectField
        label={t('admin.status')} name="active" value={form.active} onChange={set('active')} placeholder={t('admin.statusAll')}
        options={[{ value: 'true', label: t('admin.statusActive') }, { value: 'false', label: t('admin.statusInactive') }]}
      />
      <ButtonGroup>
        <Button type="submit" appearance="primary-action-button">{t('admin.searchSubmit')}</Button>
        {Object.values(filterParams({ ...value, page: 1 })).some(Boolean) && (
          // The button goes with the search: focus moves to the search field, not to the page body.
          <Button type="button" appearance="subtle-button" onClick={() => { onApply({ q: '', organisationId: '', role: '', active: '', page: 1 }); focusField(FORM_ID, 'q'); }}>{t('admin.clearSearch')}</Button>
        )}
      </ButtonGroup>
    </form>
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
      <form onSubmit={submit} noValidate className="rondom-form">
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
      </form>
    </section>
  );
}
