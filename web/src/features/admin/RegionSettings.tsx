/**
 * The platform admin sets a region's settings that its partners agreed on: after how many days a
 * family's open request for a conversation about the plan goes to the municipality coordinator
 * (PATCH /api/v1/admin/regions/:id). The default is 14 days; 1 to 90 are allowed.
 */
import { useState, type FormEvent } from 'react';
import { Button, Heading, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api.ts';
import { Form, SelectField, TextField } from '../../components/forms.tsx';
import { ErrorAlert, SuccessAlert } from '../../components/status.tsx';
import { useLoad, useSave } from '../../hooks.ts';
import type { Region } from '../../types.ts';

export function RegionSettings() {
  const { t } = useTranslation();
  const regions = useLoad((s) => api.get<Region[]>('/api/v1/admin/regions', s), []);
  const [regionId, setRegionId] = useState('');
  const [days, setDays] = useState<string | null>(null);
  const [done, setDone] = useState('');
  const { busy, error, fields, setFields, save } = useSave();
  const list = regions.data ?? [];
  const chosen = list.find((r) => r.id === regionId) ?? list[0];

  const choose = (id: string) => {
    setRegionId(id);
    setDays(null);
    setDone('');
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setDone('');
    const n = Number((days ?? String(chosen?.disagreementDays ?? '')).trim());
    if (!/^\d+$/.test((days ?? String(chosen?.disagreementDays ?? '')).trim()) || !Number.isInteger(n) || n < 1 || n > 90) {
      setFields({ disagreementDays: t('regionSettings.daysRange') });
      return;
    }
    setFields({});
    await save(async () => {
      const r = await api.patch<Region>(`/api/v1/admin/regions/${chosen!.id}`, { disagreementDays: n });
      setDone(t('regionSettings.saved', { region: r.name, days: r.disagreementDays }));
      setDays(null);
      regions.reload();
    });
  };

  if (!chosen) return null;
  return (
    <section aria-labelledby="region-settings" className="rondom-section">
      <Heading level={2} id="region-settings">{t('regionSettings.title')}</Heading>
      <Paragraph>{t('regionSettings.intro')}</Paragraph>
      {done && <SuccessAlert>{done}</SuccessAlert>}
      {error !== null && <ErrorAlert error={error} prefix={t('common.notSaved')} />}
      <Form onSubmit={submit}>
        {list.length > 1 && (
          <SelectField label={t('regionSettings.region')} name="regionId" value={chosen.id} onChange={choose}
            options={list.map((r) => ({ value: r.id, label: r.name }))} />
        )}
        <TextField label={t('regionSettings.days')} name="disagreementDays" inputMode="numeric" value={days ?? String(chosen.disagreementDays)}
          onChange={setDays} error={fields.disagreementDays} description={t('regionSettings.daysHelp')} />
        <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>{t('regionSettings.submit')}</Button>
      </Form>
    </section>
  );
}
