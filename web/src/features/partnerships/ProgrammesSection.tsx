/**
 * The implementation programme (uitvoeringsprogramma): its period, intended results and the six
 * parts of its arrangements, adoption by an LEA or OOGO table, and its activities with progress
 * and status. Members with manage_programmes add and change them (If-Match on every update).
 */
import { useState } from 'react';
import { Fieldset, FieldsetLegend, Heading, Paragraph, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api.ts';
import { SelectField, TextAreaField, TextField } from '../../components/forms.tsx';
import { DataSection } from '../../components/Section.tsx';
import { SuccessAlert } from '../../components/status.tsx';
import { formatDate } from '../../format.ts';
import { useLoad } from '../../hooks.ts';
import type { Activity, Programme, TablesView } from './partnership-types.ts';
import { Warnings } from './Warnings.tsx';
import { Disclosure, only, required, WsForm } from './WsForm.tsx';
import { TableScroll } from '../../components/TableScroll.tsx';

const ARRANGEMENTS = ['steering', 'monitoring', 'accountability', 'cooperation', 'communication', 'finance'] as const;
const ACTIVITY_STATUSES = ['planned', 'running', 'done', 'stalled'] as const;

export function ProgrammesSection({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const list = useLoad((s) => api.get<{ programmes: Programme[]; allowedActions: string[] }>(`/api/v1/partnerships/${id}/programmes`, s), [id]);
  const tables = useLoad((s) => api.get<TablesView>(`/api/v1/partnerships/${id}/tables`, s), [id]);
  // The confirmation shows where the user acted (the programme's card, or by the add button), next to the focus.
  const [done, setDone] = useState<{ text: string; where: string }>({ text: '', where: '' });
  const saved = (text: string, where = '') => { setDone({ text, where }); list.reload(); };
  const lang = i18n.language;
  return (
    <>
      <DataSection title={t('programme.title')} level={3} loaded={list} emptyText={t('programme.none')}>
        {({ programmes, allowedActions }) => {
          const canManage = allowedActions.includes('manage_programmes');
          return (
            <>
              {programmes.length === 0 && <Paragraph>{t('programme.none')}</Paragraph>}
              {programmes.map((p) => (
                <section key={p.id} aria-labelledby={`prog-${p.id}`} className="rondom-card">
                  <Heading level={4} id={`prog-${p.id}`}>{p.title}</Heading>
                  <Paragraph>
                    {t('agreements.period', { from: formatDate(p.startsOn, lang), to: formatDate(p.endsOn, lang) })}
                    {' — '}{p.adoptedByTableName ? t('programme.adopted', { table: p.adoptedByTableName, date: formatDate(p.adoptedOn, lang) }) : t('programme.notAdopted')}
                  </Paragraph>
                  {p.intendedResults && <Paragraph>{t('programme.results', { text: p.intendedResults })}</Paragraph>}
                  <Paragraph>{t('programme.progress', { percent: p.progress })}</Paragraph>
                  <Warnings warnings={p.warnings} />
                  <Heading level={5}>{t('programme.arrangements')}</Heading>
                  <dl className="rondom-dl">
                    {ARRANGEMENTS.map((k) => (
                      <div key={k}>
                        <dt>{t(`programme.part.${k}`)}</dt>
                        <dd>{p.arrangements?.[k] ?? t('programme.open')}</dd>
                      </div>
                    ))}
                  </dl>
                  {canManage && (
                    <div className="rondom-buttons">
                      <Disclosure label={t('wsEdit.programme.edit', { title: p.title })}>
                        {(close) => <ProgrammeForm id={id} programme={p} onCancel={close} onSaved={(title) => { close(); saved(t('wsEdit.programme.saved', { title }), p.id); }} />}
                      </Disclosure>
                      {!p.adoptedByTableName && (
                        <Disclosure label={t('wsEdit.programme.adopt', { title: p.title })}>
                          {(close) => <AdoptForm id={id} programme={p} tables={tables.data ?? null} onCancel={close} onSaved={() => { close(); saved(t('wsEdit.programme.adopted', { title: p.title }), p.id); }} />}
                        </Disclosure>
                      )}
                    </div>
                  )}
                  <Heading level={5}>{t('programme.activities')}</Heading>
                  {p.activities.length === 0 ? <Paragraph>{t('wsEdit.activity.none')}</Paragraph> : (
                    <TableScroll label={t('programme.activities')}>
                      <Table>
                        <TableHeader>
                          <TableRow>
                            <TableHeaderCell scope="col">{t('programme.activity')}</TableHeaderCell>
                            <TableHeaderCell scope="col">{t('programme.status')}</TableHeaderCell>
                            <TableHeaderCell scope="col">{t('programme.activityProgress')}</TableHeaderCell>
                            <TableHeaderCell scope="col">{t('programme.ends')}</TableHeaderCell>
                          </TableRow>
                        </TableHeader>
                        <TableBody>
                          {p.activities.map((a) => (
                            <TableRow key={a.id}>
                              <TableHeaderCell scope="row">{a.title}</TableHeaderCell>
                              <TableCell>{t(`activityStatus.${a.status}`, { defaultValue: a.status })}</TableCell>
                              <TableCell>{a.progress}%</TableCell>
                              <TableCell>{formatDate(a.endsOn, lang)}</TableCell>
                            </TableRow>
                          ))}
                        </TableBody>
                      </Table>
                    </TableScroll>
                  )}
                  {done.where === p.id && done.text && <SuccessAlert>{done.text}</SuccessAlert>}
                  {canManage && (
                    <div className="rondom-buttons">
                      {p.activities.map((a) => (
                        <Disclosure key={a.id} label={t('wsEdit.activity.update', { title: a.title })} appearance="subtle-button">
                          {(close) => <ActivityForm id={id} programme={p} activity={a} onCancel={close} onSaved={(title) => { close(); saved(t('wsEdit.activity.saved', { title }), p.id); }} />}
                        </Disclosure>
                      ))}
                      <Disclosure label={t('wsEdit.activity.add', { title: p.title })}>
                        {(close) => <ActivityForm id={id} programme={p} onCancel={close} onSaved={(title) => { close(); saved(t('wsEdit.activity.added', { title }), p.id); }} />}
                      </Disclosure>
                    </div>
                  )}
                </section>
              ))}
              {done.text && !done.where && <SuccessAlert>{done.text}</SuccessAlert>}
              {canManage && (
                <Disclosure label={t('wsEdit.programme.add')} appearance="primary-action-button">
                  {(close) => <ProgrammeForm id={id} onCancel={close} onSaved={(title) => { close(); saved(t('wsEdit.programme.added', { title })); }} />}
                </Disclosure>
              )}
            </>
          );
        }}
      </DataSection>
    </>
  );
}

type Arr = Record<(typeof ARRANGEMENTS)[number], string>;

function ProgrammeForm({ id, programme, onSaved, onCancel }: { id: string; programme?: Programme; onSaved: (title: string) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const init = (x?: Programme) => ({
    title: x?.title ?? '', startsOn: x?.startsOn ?? '', endsOn: x?.endsOn ?? '', intendedResults: x?.intendedResults ?? '',
    ...Object.fromEntries(ARRANGEMENTS.map((k) => [k, x?.arrangements?.[k] ?? ''])) as Arr,
  });
  const [d, setD] = useState(init(programme));
  const set = (k: keyof typeof d) => (v: string) => setD((x) => ({ ...x, [k]: v }));
  const labels: Record<string, string> = {
    title: t('wsEdit.programme.title'), startsOn: t('wsEdit.funding.startsOn'), endsOn: t('wsEdit.programme.endsOn'), intendedResults: t('wsEdit.programme.results'),
    ...Object.fromEntries(ARRANGEMENTS.map((k) => [k, t(`programme.part.${k}`)])),
  };
  return (
    <WsForm<Programme> title={programme ? t('wsEdit.programme.edit', { title: programme.title }) : t('wsEdit.programme.add')} level={programme ? 5 : 4}
      labels={labels} order={['title', 'startsOn', 'endsOn', 'intendedResults', ...ARRANGEMENTS]} version={programme?.version}
      submitLabel={programme ? t('wsEdit.save') : t('wsEdit.programme.addSubmit')} onCancel={onCancel}
      validate={() => only({
        title: required(t, d.title), startsOn: d.startsOn ? '' : t('fieldError.date'), endsOn: !d.endsOn ? t('fieldError.date') : d.endsOn < d.startsOn ? t('wsEdit.agreement.endsBeforeStart') : '',
      })}
      mine={() => d} theirs={(c) => init(c)} onUseTheirs={(c) => setD(init(c))}
      send={async (version) => {
        const arrangements = Object.fromEntries(ARRANGEMENTS.filter((k) => d[k].trim()).map((k) => [k, d[k].trim()]));
        const b = { title: d.title.trim(), startsOn: d.startsOn, endsOn: d.endsOn, arrangements };
        if (programme) await api.patch(`/api/v1/partnerships/${id}/programmes/${programme.id}`, { ...b, intendedResults: d.intendedResults.trim() || null }, version);
        else await api.post(`/api/v1/partnerships/${id}/programmes`, { ...b, ...(d.intendedResults.trim() ? { intendedResults: d.intendedResults.trim() } : {}) });
        onSaved(b.title);
      }}>
      {(f) => (
        <>
          <TextField label={labels.title} name="title" value={d.title} onChange={set('title')} error={f.title} required maxLength={200} />
          <TextField label={labels.startsOn} name="startsOn" type="date" value={d.startsOn} onChange={set('startsOn')} error={f.startsOn} required />
          <TextField label={labels.endsOn} name="endsOn" type="date" value={d.endsOn} onChange={set('endsOn')} error={f.endsOn} required />
          <TextAreaField label={labels.intendedResults!} name="intendedResults" value={d.intendedResults} onChange={set('intendedResults')} error={f.intendedResults} rows={3} maxLength={4000} />
          <Fieldset>
            <FieldsetLegend>{t('programme.arrangements')}</FieldsetLegend>
            {ARRANGEMENTS.map((k) => (
              <TextAreaField key={k} label={labels[k]!} name={k} value={d[k]} onChange={set(k)} error={f[k]} rows={2} maxLength={2000} description={t(`wsEdit.programme.partHelp.${k}`)} />
            ))}
          </Fieldset>
        </>
      )}
    </WsForm>
  );
}

/** A programme is adopted only by a table of kind LEA or OOGO. */
function AdoptForm({ id, programme, tables, onSaved, onCancel }: { id: string; programme: Programme; tables: TablesView | null; onSaved: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const [tableId, setTableId] = useState('');
  const [adoptedOn, setAdoptedOn] = useState('');
  const options = (tables?.tables ?? []).filter((x) => x.kind === 'lea' || x.kind === 'oogo').map((x) => ({ value: x.id, label: `${x.name} (${t(`tableKind.${x.kind}`)})` }));
  const labels = { tableId: t('wsEdit.programme.byTable'), adoptedOn: t('wsEdit.programme.adoptedOn') };
  return (
    <WsForm<Programme> title={t('wsEdit.programme.adopt', { title: programme.title })} level={5} labels={labels} order={['tableId', 'adoptedOn']}
      submitLabel={t('wsEdit.programme.adoptSubmit')} onCancel={onCancel} version={programme.version}
      validate={() => only({ tableId: tableId ? '' : t('fieldError.choose'), adoptedOn: adoptedOn ? '' : t('fieldError.date') })}
      mine={() => ({ tableId, adoptedOn })} theirs={(c) => ({ tableId: c.adoptedByTableName ?? '', adoptedOn: c.adoptedOn ?? '' })}
      send={async (version) => { await api.post(`/api/v1/partnerships/${id}/programmes/${programme.id}/adopt`, { tableId, adoptedOn }, version); onSaved(); }}>
      {(f) => (
        <>
          <SelectField label={labels.tableId} name="tableId" value={tableId} onChange={setTableId} error={f.tableId} placeholder={t('common.choose')} options={options}
            description={options.length ? t('wsEdit.programme.byTableHelp') : t('wsEdit.programme.noLeaTable')} />
          <TextField label={labels.adoptedOn} name="adoptedOn" type="date" value={adoptedOn} onChange={setAdoptedOn} error={f.adoptedOn} required />
        </>
      )}
    </WsForm>
  );
}

function ActivityForm({ id, programme, activity, onSaved, onCancel }: { id: string; programme: Programme; activity?: Activity; onSaved: (title: string) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const init = (x?: Activity) => ({ title: x?.title ?? '', status: x?.status ?? 'planned', progress: String(x?.progress ?? 0), endsOn: x?.endsOn ?? '' });
  const [d, setD] = useState(init(activity));
  const set = (k: keyof typeof d) => (v: string) => setD((x) => ({ ...x, [k]: v }));
  const labels = { title: t('programme.activity'), status: t('programme.status'), progress: t('wsEdit.activity.progress'), endsOn: t('programme.ends') };
  const pct = /^\d{1,3}$/.test(d.progress.trim()) ? Number(d.progress.trim()) : NaN;
  return (
    <WsForm<Activity> title={activity ? t('wsEdit.activity.update', { title: activity.title }) : t('wsEdit.activity.add', { title: programme.title })} level={6}
      labels={labels} order={['title', 'status', 'progress', 'endsOn']} version={activity?.version}
      submitLabel={activity ? t('wsEdit.save') : t('wsEdit.activity.addSubmit')} onCancel={onCancel}
      validate={() => only({ title: required(t, d.title), progress: pct >= 0 && pct <= 100 ? '' : t('wsEdit.activity.progressInvalid') })}
      mine={() => d} theirs={(c) => init(c)} onUseTheirs={(c) => setD(init(c))}
      send={async (version) => {
        const b = { title: d.title.trim(), status: d.status, progress: pct };
        if (activity) await api.patch(`/api/v1/partnerships/${id}/activities/${activity.id}`, { ...b, endsOn: d.endsOn || null }, version);
        else await api.post(`/api/v1/partnerships/${id}/programmes/${programme.id}/activities`, { ...b, ...(d.endsOn ? { endsOn: d.endsOn } : {}) });
        onSaved(b.title);
      }}>
      {(f) => (
        <>
          <TextField label={labels.title} name="title" value={d.title} onChange={set('title')} error={f.title} required maxLength={200} />
          <SelectField label={labels.status} name="status" value={d.status} onChange={set('status')} error={f.status}
            options={ACTIVITY_STATUSES.map((s) => ({ value: s, label: t(`activityStatus.${s}`) }))} />
          <TextField label={labels.progress} name="progress" value={d.progress} onChange={set('progress')} error={f.progress} inputMode="numeric" maxLength={3} description={t('wsEdit.activity.progressHelp')} />
          <TextField label={labels.endsOn} name="endsOn" type="date" value={d.endsOn} onChange={set('endsOn')} error={f.endsOn} />
        </>
      )}
    </WsForm>
  );
}
