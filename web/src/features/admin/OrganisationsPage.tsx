/** Admin: the organisations this admin manages, and (platform admin) adding one. */
import { useState, type FormEvent } from 'react';
import { Button, Heading, Paragraph, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api.ts';
import { Form, SelectField, TextField } from '../../components/forms.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { DataSection } from '../../components/Section.tsx';
import { ErrorAlert, SuccessAlert } from '../../components/status.tsx';
import { useLoad, useSave } from '../../hooks.ts';
import { useMe } from '../../session.tsx';
import { ORGANISATION_TYPES, type Organisation, type Region } from '../../types.ts';
import { TableScroll } from '../../components/TableScroll.tsx';
import { ContactLinks } from '../../components/Contact.tsx';
import { RegionSettings } from './RegionSettings.tsx';

export function OrganisationsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const orgs = useLoad((s) => api.get<Organisation[]>('/api/v1/admin/organisations?limit=500', s), []);
  return (
    <>
      <PageTitle>{t('admin.organisationsTitle')}</PageTitle>
      <DataSection title={t('admin.organisationList')} loaded={orgs} empty={(d) => d.length === 0} emptyText={t('admin.noOrganisations')}>
        {(items) => (
          <TableScroll label={t('admin.organisationList')}>
            <Table>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{t('admin.name')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('admin.type')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('admin.contact')}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {items.map((o) => (
                  <TableRow key={o.id}>
                    <TableCell>{o.name}</TableCell>
                    <TableCell>{t(`orgType.${o.type}`, { defaultValue: o.type })}</TableCell>
                    <TableCell><ContactLinks email={o.contactEmail} /></TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableScroll>
        )}
      </DataSection>
      {me.isPlatformAdmin && <NewOrganisationForm onCreated={orgs.reload} />}
      {me.isPlatformAdmin && <RegionSettings />}
    </>
  );
}

function NewOrganisationForm({ onCreated }: { onCreated: () => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const regions = useLoad((s) => api.get<Region[]>('/api/v1/admin/regions', s), []);
  const [form, setForm] = useState({ regionId: me.regionId, type: '', name: '', contactEmail: '' });
  const { busy, error, fields, setFields, save } = useSave();
  const [done, setDone] = useState('');
  const set = (k: keyof typeof form) => (v: string) => setForm((f) => ({ ...f, [k]: v }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const f: Record<string, string> = {};
    if (!form.name.trim()) f.name = t('fieldError.required');
    if (!form.type) f.type = t('fieldError.choose');
    setFields(f);
    setDone('');
    if (Object.keys(f).length) return;
    await save(async () => {
      const created = await api.post<Organisation>('/api/v1/admin/organisations', {
        regionId: form.regionId, type: form.type, name: form.name.trim(), ...(form.contactEmail ? { contactEmail: form.contactEmail.trim() } : {}),
      });
      setDone(t('admin.organisationCreated', { name: created.name }));
      setForm((x) => ({ ...x, name: '', contactEmail: '' }));
      onCreated();
    });
  };

  return (
    <section aria-labelledby="new-org" className="rondom-section">
      <Heading level={2} id="new-org">{t('admin.newOrganisation')}</Heading>
      {done && <SuccessAlert>{done}</SuccessAlert>}
      {error !== null && <ErrorAlert error={error} prefix={t('common.notSaved')} />}
      <Form onSubmit={submit}>
        <SelectField
          label={t('admin.region')} name="regionId" value={form.regionId} onChange={set('regionId')} error={fields.regionId}
          options={(regions.data ?? [{ id: me.regionId, slug: '', name: t('admin.ownRegion') }]).map((r) => ({ value: r.id, label: r.name }))}
        />
        <SelectField
          label={t('admin.type')} name="type" value={form.type} onChange={set('type')} error={fields.type} placeholder={t('common.choose')}
          options={ORGANISATION_TYPES.map((v) => ({ value: v, label: t(`orgType.${v}`) }))}
        />
        <TextField label={t('admin.name')} name="name" value={form.name} onChange={set('name')} error={fields.name} required />
        <TextField label={t('admin.contactEmail')} name="contactEmail" type="email" value={form.contactEmail} onChange={set('contactEmail')} error={fields.contactEmail} />
        <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>{busy ? t('common.saving') : t('admin.createOrganisation')}</Button>
      </Form>
      <Paragraph className="rondom-hint">{t('admin.orgHint')}</Paragraph>
    </section>
  );
}
