/**
 * "Wie heeft gekeken": the family's access log. Others' access first (the family's own reads are
 * left out unless chosen), a page at a time from the server (older pages by cursor), filtered by
 * organisation, kind of access and period. Every code is shown in words.
 */
import { useState, type FormEvent } from 'react';
import { Button, ButtonGroup, Fieldset, FieldsetLegend, Paragraph, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api.ts';
import { SelectField, TextField } from '../../components/forms.tsx';
import { DataSection } from '../../components/Section.tsx';
import { formatDateTime } from '../../format.ts';
import { useLoad } from '../../hooks.ts';
import { useMe } from '../../session.tsx';
import type { AccessLogPage } from '../children/children-types.ts';
import { TableScroll } from '../../components/TableScroll.tsx';

interface Filter { family: string; organisationId: string; access: string; from: string; to: string }
const NO_FILTER: Filter = { family: 'exclude', organisationId: '', access: '', from: '', to: '' };
const ACCESS = ['looked', 'changed', 'denied', 'emergency'];

export function AccessLogSection({ childId, reloadKey }: { childId: string; reloadKey: number }) {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const context = me.kind === 'young_person' ? 'young' : undefined;
  const nl = i18n.language.startsWith('nl');
  const [draft, setDraft] = useState<Filter>(NO_FILTER);
  const [filter, setFilter] = useState<Filter>(NO_FILTER);
  // The cursors of the pages seen, so "older" and "back to the newest" move without counting on the client.
  const [cursors, setCursors] = useState<number[]>([]);
  const [periodError, setPeriodError] = useState('');
  const before = cursors[cursors.length - 1];
  const log = useLoad((s) => {
    const p = new URLSearchParams({ limit: '25', family: filter.family });
    if (filter.organisationId) p.set('organisationId', filter.organisationId);
    if (filter.access) p.set('access', filter.access);
    if (filter.from) p.set('from', filter.from);
    if (filter.to) p.set('to', filter.to);
    if (before) p.set('before', String(before));
    return api.get<AccessLogPage>(`/api/v1/children/${childId}/access-log?${p.toString()}`, s);
  }, [childId, filter, before, reloadKey]);
  const organisations = log.data?.organisations ?? [];

  const apply = (e: FormEvent) => {
    e.preventDefault();
    if (draft.from && draft.to && draft.to < draft.from) {
      setPeriodError(t('accessLog.periodWrong'));
      return;
    }
    setPeriodError('');
    setCursors([]);
    setFilter(draft);
  };
  const set = (k: keyof Filter) => (v: string) => setDraft((d) => ({ ...d, [k]: v }));

  return (
    <DataSection title={t('accessLog.title')} level={3} loaded={log} emptyText="">
      {(page) => (
        <>
          <Paragraph>{t('accessLog.intro', { context })}</Paragraph>
          <form onSubmit={apply} noValidate className="rondom-form rondom-access-filter" aria-label={t('accessLog.filter', { context })}>
            <Fieldset>
              <FieldsetLegend>{t('accessLog.filter', { context })}</FieldsetLegend>
              <SelectField label={t('accessLog.familyLabel')} name="log-family" value={draft.family} onChange={set('family')}
                options={[{ value: 'exclude', label: t('accessLog.familyExclude') }, { value: 'include', label: t('accessLog.familyInclude') }, { value: 'only', label: t('accessLog.familyOnly') }]} />
              <SelectField label={t('accessLog.organisation')} name="log-organisation" value={draft.organisationId} onChange={set('organisationId')}
                options={[{ value: '', label: t('accessLog.anyOrganisation') }, ...organisations.map((o) => ({ value: o.id, label: o.name }))]} />
              <SelectField label={t('accessLog.accessLabel')} name="log-access" value={draft.access} onChange={set('access')}
                options={[{ value: '', label: t('accessLog.anyAccess') }, ...ACCESS.map((a) => ({ value: a, label: t(`accessLog.access.${a}`) }))]} />
              <TextField label={t('accessLog.from')} name="log-from" type="date" value={draft.from} onChange={set('from')} />
              <TextField label={t('accessLog.to')} name="log-to" type="date" value={draft.to} onChange={set('to')} error={periodError || undefined} />
              <Button type="submit" appearance="secondary-action-button">{t('accessLog.show')}</Button>
            </Fieldset>
          </form>
          {page.items.length === 0 ? <Paragraph>{cursors.length === 0 && filter === NO_FILTER ? t('accessLog.none') : t('accessLog.noneFiltered')}</Paragraph> : (
            <>
              <Paragraph role="status">{t('accessLog.pageShown', { page: cursors.length + 1, count: page.items.length })}</Paragraph>
              <TableScroll label={t('accessLog.title')}>
                <Table className="rondom-access-log">
                  <TableHeader>
                    <TableRow>
                      <TableHeaderCell scope="col">{t('accessLog.when')}</TableHeaderCell>
                      <TableHeaderCell scope="col">{t('accessLog.who')}</TableHeaderCell>
                      <TableHeaderCell scope="col">{t('accessLog.what')}</TableHeaderCell>
                      <TableHeaderCell scope="col">{t('accessLog.basis')}</TableHeaderCell>
                    </TableRow>
                  </TableHeader>
                  <TableBody>
                    {page.items.map((e) => (
                      <TableRow key={e.seq}>
                        <TableCell>{formatDateTime(e.at, i18n.language)}</TableCell>
                        <TableCell>{e.who}{e.organisation ? ` (${e.organisation})` : ''}{e.family ? ` (${t('accessLog.familyMark')})` : ''}</TableCell>
                        <TableCell>{nl ? e.whatNl : e.what}{e.outcome !== 'allowed' ? ` (${t('accessLog.denied')})` : ''}</TableCell>
                        <TableCell>{e.basis ? t(`basis.${e.basis}`, { defaultValue: '—' }) : '—'}</TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              </TableScroll>
            </>
          )}
          <ButtonGroup>
            {page.nextBefore !== null && (
              <Button appearance="secondary-action-button" onClick={() => setCursors((c) => [...c, page.nextBefore!])}>{t('accessLog.older')}</Button>
            )}
            {cursors.length > 0 && <Button appearance="subtle-button" onClick={() => setCursors([])}>{t('accessLog.newest')}</Button>}
          </ButtonGroup>
        </>
      )}
    </DataSection>
  );
}
