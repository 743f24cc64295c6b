/**
 * Meeting tables (overlegtafels): designed with the seven questions, a level and
 * the table they report to; which organisations sit where; and per table the
 * meetings with decisions and actions (an action lands on its owner's task list).
 */
import { useState, type FormEvent } from 'react';
import { Button, Fieldset, FieldsetLegend, Heading, Paragraph, StatusBadge, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { api, isApiError } from '../../api.ts';
import { ConflictPanel, diffFields } from '../../components/ConflictPanel.tsx';
import { ErrorSummary, focusFirstError } from '../../components/ErrorSummary.tsx';
import { CheckboxField, SelectField, TextAreaField, TextField } from '../../components/forms.tsx';
import { DataSection } from '../../components/Section.tsx';
import { ErrorAlert, Loading, SuccessAlert } from '../../components/status.tsx';
import { fieldErrorsOf } from '../../errors.ts';
import { formatDate } from '../../format.ts';
import { useLoad, useSave } from '../../hooks.ts';
import { DESIGN_QUESTIONS, local, type Framework, type MapView, type MeetingTable, type TableMeeting, type TablesView } from './partnership-types.ts';
import { Warnings } from './Warnings.tsx';

const LEVELS = ['governance', 'officials', 'delivery'] as const;
const KINDS = ['other', 'lea', 'oogo'] as const;

export function TablesSection({ id, onChanged }: { id: string; onChanged: () => void }) {
  const { t } = useTranslation();
  const tables = useLoad((s) => api.get<TablesView>(`/api/v1/partnerships/${id}/tables`, s), [id]);
  const map = useLoad((s) => api.get<MapView>(`/api/v1/partnerships/${id}/map`, s), [id]);
  const [creating, setCreating] = useState(false);
  const [done, setDone] = useState('');
  const reload = () => { tables.reload(); onChanged(); };
  return (
    <DataSection title={t('tables.title')} level={3} loaded={tables} emptyText="">
      {(v) => (
        <>
          <Paragraph>{t('tables.intro')}</Paragraph>
          <Warnings warnings={v.warnings} />
          {done && <SuccessAlert>{done}</SuccessAlert>}
          {v.tables.length === 0 && <Paragraph>{t('tables.none')}</Paragraph>}
          {v.tables.map((tb) => <TableCard key={tb.id} id={id} table={tb} all={v.tables} map={map.data ?? null} canManage={v.allowedActions.includes('manage_tables')} onSaved={reload} />)}
          {v.overview.length > 0 && (
            <>
              <Heading level={4}>{t('tables.whoSitsWhere')}</Heading>
              <UnorderedList className="rondom-list">
                {v.overview.map((o) => (
                  <UnorderedListItem key={o.organisationId}>{t('tables.orgCount', { org: o.organisationName, count: o.count })}</UnorderedListItem>
                ))}
              </UnorderedList>
            </>
          )}
          {v.allowedActions.includes('manage_tables') && !creating && (
            <Button appearance="primary-action-button" onClick={() => { setCreating(true); setDone(''); }}>{t('tables.new')}</Button>
          )}
          {creating && (
            <TableForm id={id} all={v.tables} map={map.data ?? null}
              onSaved={(name) => { setCreating(false); setDone(t('tables.created', { name })); reload(); }} onCancel={() => setCreating(false)} />
          )}
        </>
      )}
    </DataSection>
  );
}

function TableCard({ id, table, all, map, canManage, onSaved }: { id: string; table: MeetingTable; all: MeetingTable[]; map: MapView | null; canManage: boolean; onSaved: () => void }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [showMeetings, setShowMeetings] = useState(false);
  const parent = all.find((x) => x.id === table.reportsToTableId);
  const headingId = `table-${table.id}`;
  return (
    <section aria-labelledby={headingId} className="rondom-card" id={`tbl-${table.id}`}>
      <Heading level={4} id={headingId}>{table.name}</Heading>
      <Paragraph>
        {t(`tableLevel.${table.level}`)} {table.kind !== 'other' && <>— {t(`tableKind.${table.kind}`)}</>}{' '}
        {table.reachesGovernance
          ? <StatusBadge status="active">{t('tables.reaches')}</StatusBadge>
          : <StatusBadge status="inactive">{t('tables.notReaches')}</StatusBadge>}
      </Paragraph>
      <Paragraph>
        {parent ? <>{t('tables.reportsTo')} <a href={`#tbl-${parent.id}`}>{parent.name}</a></> : t('tables.reportsToNone')}
      </Paragraph>
      <dl className="rondom-dl">
        {DESIGN_QUESTIONS.map((q) => (
          <div key={q}>
            <dt>{t(`tables.q.${q}`)}</dt>
            <dd>{table[q] ?? <em>{t('tables.open')}</em>}</dd>
          </div>
        ))}
        <div>
          <dt>{t('tables.participants')}</dt>
          <dd>{table.participants.map((p) => p.organisationName).join(', ') || '—'}</dd>
        </div>
      </dl>
      {table.openQuestions.length > 0 && <Paragraph className="rondom-hint">{t('tables.openQuestions', { list: table.openQuestions.map((q) => t(`tables.q.${q}`, { defaultValue: q })).join(', ') })}</Paragraph>}
      {canManage && !editing && <Button appearance="secondary-action-button" onClick={() => setEditing(true)}>{t('tables.edit', { name: table.name })}</Button>}
      {editing && <TableForm id={id} all={all} map={map} table={table} onSaved={() => { setEditing(false); onSaved(); }} onCancel={() => setEditing(false)} />}
      <Button appearance="subtle-button" aria-expanded={showMeetings} onClick={() => setShowMeetings((x) => !x)}>
        {showMeetings ? t('tables.hideMeetings', { name: table.name }) : t('tables.showMeetings', { name: table.name })}
      </Button>
      {showMeetings && <TableMeetings id={id} table={table} map={map} canManage={canManage} />}
    </section>
  );
}

type Draft = { name: string; level: string; kind: string; reportsToTableId: string } & Record<(typeof DESIGN_QUESTIONS)[number], string>;

/** Creates a table, or edits one (PATCH with If-Match; a 409 shows what changed). */
function TableForm({ id, all, map, table, onSaved, onCancel }: { id: string; all: MeetingTable[]; map: MapView | null; table?: MeetingTable; onSaved: (name: string) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const init = (x?: MeetingTable): Draft => ({
    name: x?.name ?? '', level: x?.level ?? '', kind: x?.kind ?? 'other', reportsToTableId: x?.reportsToTableId ?? '',
    ...Object.fromEntries(DESIGN_QUESTIONS.map((q) => [q, x?.[q] ?? ''])) as Record<(typeof DESIGN_QUESTIONS)[number], string>,
  });
  const [form, setForm] = useState<Draft>(init(table));
  const [partners, setPartners] = useState<string[]>(table?.participants.map((p) => p.partnerId) ?? []);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [conflict, setConflict] = useState<MeetingTable | null>(null);
  // The version the input rests on: the one read, or the other's after "take their version" (else the next save is stale again).
  const [base, setBase] = useState<number | undefined>(table?.version);
  const [busy, setBusy] = useState(false);
  const set = (k: keyof Draft) => (v: string) => setForm((f) => ({ ...f, [k]: v }));
  const sfx = table ? table.id.slice(0, 8) : 'new';

  const body = () => ({
    name: form.name.trim(), level: form.level, kind: form.kind, reportsToTableId: form.reportsToTableId || null, partnerIds: partners,
    ...Object.fromEntries(DESIGN_QUESTIONS.map((q) => [q, form[q].trim() || null])),
  });

  const save = async (version?: number) => {
    setBusy(true);
    setError(null);
    try {
      if (table) await api.patch(`/api/v1/partnerships/${id}/tables/${table.id}`, body(), version ?? table.version);
      else await api.post(`/api/v1/partnerships/${id}/tables`, body());
      onSaved(form.name.trim());
    } catch (err) {
      if (isApiError(err) && err.isConflict) setConflict((err.current as MeetingTable | undefined) ?? table ?? null);
      else {
        setError(err);
        const fe = fieldErrorsOf(t, err);
        setFields(fe);
        focusFirstError(formId, order, fe, controls);
      }
    } finally {
      setBusy(false);
    }
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const f: Record<string, string> = {};
    if (!form.name.trim()) f.name = t('fieldError.required');
    if (!form.level) f.level = t('fieldError.choose');
    setFields(f);
    if (Object.keys(f).length) {
      focusFirstError(formId, order, f, controls);
      return;
    }
    void save(conflict?.version ?? base);
  };

  const labels = Object.fromEntries([['name', t('tables.name')], ...DESIGN_QUESTIONS.map((q) => [q, t(`tables.q.${q}`)])]);
  // The NL Design System form pattern: a summary of what is wrong, linked to the fields (named with the table's suffix).
  const formId = `tform-${sfx}-form`;
  const order = ['name', 'level', 'kind', ...DESIGN_QUESTIONS, 'reportsToTableId'];
  const controls: Record<string, string> = {
    name: `name-${sfx}`, level: `level-${sfx}`, kind: `kind-${sfx}`, reportsToTableId: `reports-${sfx}`, ...Object.fromEntries(DESIGN_QUESTIONS.map((q) => [q, `${q}-${sfx}`])),
  };
  const summaryLabels = { ...labels, level: t('tables.level'), kind: t('tables.kind'), reportsToTableId: t('tables.reportsToLabel') };
  return (
    <section aria-labelledby={`tform-${sfx}`} className="rondom-section">
      <Heading level={table ? 5 : 4} id={`tform-${sfx}`}>{table ? t('tables.editTitle', { name: table.name }) : t('tables.newTitle')}</Heading>
      {error !== null && <ErrorAlert error={error} prefix={t('common.notSavedKept')} />}
      {conflict && (
        <ConflictPanel changes={diffFields(form, conflict as unknown as Record<string, unknown>, labels)}
          onUseTheirs={() => { setForm(init(conflict)); setBase(conflict.version); setConflict(null); }} onOverwrite={() => void save(conflict.version)} busy={busy} />
      )}
      <ErrorSummary formId={formId} order={order} fields={fields} labels={summaryLabels} groups={controls} />
      <form id={formId} onSubmit={submit} noValidate className="rondom-form">
        <TextField label={t('tables.name')} name={`name-${sfx}`} value={form.name} onChange={set('name')} error={fields.name} required />
        <SelectField label={t('tables.level')} name={`level-${sfx}`} value={form.level} onChange={set('level')} error={fields.level} placeholder={t('common.choose')}
          options={LEVELS.map((l) => ({ value: l, label: t(`tableLevel.${l}`) }))} />
        <SelectField label={t('tables.kind')} name={`kind-${sfx}`} value={form.kind} onChange={set('kind')} error={fields.kind}
          options={KINDS.map((k) => ({ value: k, label: t(`tableKind.${k}`) }))} />
        <Fieldset>
          <FieldsetLegend>{t('tables.sevenQuestions')}</FieldsetLegend>
          {DESIGN_QUESTIONS.map((q) => (
            <TextAreaField key={q} label={t(`tables.q.${q}`)} name={`${q}-${sfx}`} value={form[q]} onChange={set(q)} error={fields[q]} description={t(`tables.help.${q}`)} rows={2} />
          ))}
        </Fieldset>
        <SelectField label={t('tables.reportsToLabel')} name={`reports-${sfx}`} value={form.reportsToTableId} onChange={set('reportsToTableId')} error={fields.reportsToTableId}
          placeholder={t('tables.reportsToNobody')} options={all.filter((x) => x.id !== table?.id).map((x) => ({ value: x.id, label: `${x.name} (${t(`tableLevel.${x.level}`)})` }))} />
        {map && (
          <Fieldset>
            <FieldsetLegend>{t('tables.whoSits')}</FieldsetLegend>
            {map.partners.map((p) => (
              <CheckboxField key={p.id} name={`partner-${sfx}-${p.id}`} label={p.organisationName} checked={partners.includes(p.id)}
                onChange={(on) => setPartners((xs) => (on ? [...xs, p.id] : xs.filter((x) => x !== p.id)))} />
            ))}
          </Fieldset>
        )}
        <div className="rondom-buttons">
          <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>{busy ? t('common.saving') : table ? t('tables.save') : t('tables.create')}</Button>
          <Button type="button" appearance="secondary-action-button" onClick={onCancel}>{t('common.cancel')}</Button>
        </div>
      </form>
    </section>
  );
}

function TableMeetings({ id, table, map, canManage }: { id: string; table: MeetingTable; map: MapView | null; canManage: boolean }) {
  const { t, i18n } = useTranslation();
  const meetings = useLoad((s) => api.get<TableMeeting[]>(`/api/v1/partnerships/${id}/tables/${table.id}/meetings`, s), [id, table.id]);
  const [heldOn, setHeldOn] = useState('');
  const [agenda, setAgenda] = useState('');
  const [templateCode, setTemplateCode] = useState('');
  const { busy, error, fields, setFields, save } = useSave();
  const sfx = table.id.slice(0, 8);
  // The LEA and OOGO example agendas (framework data): the ones for this table's kind and level first.
  const templates = useLoad((s) => api.get<Framework[]>('/api/v1/partnerships/frameworks?kind=agenda_templates', s)
    .then((fs) => fs.find((x) => x.key === 'agenda-templates')?.elements ?? []), []);
  const fits = (e: Framework['elements'][number]) => (e.meta as { tableKind?: string; level?: string } | null)?.tableKind === table.kind;
  const templateOptions = [...(templates.data ?? [])].sort((a, b) => Number(fits(b)) - Number(fits(a)))
    .map((e) => ({ value: e.code, label: local(i18n.language, e.nameNl, e.nameEn) }));
  const chooseTemplate = (code: string) => {
    setTemplateCode(code);
    const tpl = templates.data?.find((e) => e.code === code);
    // The template's points fill the agenda, to be changed before saving.
    if (tpl) setAgenda(tpl.items.map((i) => local(i18n.language, i.textNl, i.textEn)).join('\n'));
  };

  const create = async (e: FormEvent) => {
    e.preventDefault();
    if (!heldOn) {
      setFields({ heldOn: t('fieldError.date') });
      focusFirstError(`newmf-${sfx}`, ['heldOn'], { heldOn: 'x' }, { heldOn: `held-${sfx}` });
      return;
    }
    setFields({});
    await save(async () => {
      const items = agenda.split('\n').map((s) => s.trim()).filter(Boolean).map((title) => ({ title }));
      await api.post(`/api/v1/partnerships/${id}/tables/${table.id}/meetings`, { heldOn, ...(templateCode ? { templateCode } : {}), ...(items.length ? { agenda: items } : {}) });
      setHeldOn('');
      setAgenda('');
      setTemplateCode('');
      meetings.reload();
    });
  };

  return (
    <div className="rondom-section">
      {meetings.loading && !meetings.data && <Loading />}
      {meetings.error !== null && <ErrorAlert error={meetings.error} />}
      {meetings.data && meetings.data.length === 0 && <Paragraph>{t('tables.noMeetings')}</Paragraph>}
      {meetings.data?.map((m) => <MeetingBlock key={m.id} id={id} meeting={m} map={map} canManage={canManage} onSaved={meetings.reload} />)}
      {canManage && (
        <form id={`newmf-${sfx}`} onSubmit={create} noValidate className="rondom-form" aria-labelledby={`newm-${sfx}`}>
          <Heading level={5} id={`newm-${sfx}`}>{t('tables.newMeeting', { name: table.name })}</Heading>
          {error !== null && <ErrorAlert error={error} prefix={t('common.notSavedKept')} />}
          <ErrorSummary formId={`newmf-${sfx}`} order={['heldOn']} fields={fields} labels={{ heldOn: t('tables.meetingDate') }} groups={{ heldOn: `held-${sfx}` }} />
          <TextField label={t('tables.meetingDate')} name={`held-${sfx}`} type="date" value={heldOn} onChange={setHeldOn} error={fields.heldOn} required />
          <SelectField label={t('wsEdit.template.label')} name={`template-${sfx}`} value={templateCode} onChange={chooseTemplate} placeholder={t('wsEdit.template.none')}
            options={templateOptions} description={t('wsEdit.template.help')} />
          <TextAreaField label={t('tables.agenda')} name={`agenda-${sfx}`} value={agenda} onChange={setAgenda} description={t('tables.agendaHelp')} rows={templateCode ? 8 : 3} />
          <Button type="submit" appearance="secondary-action-button" busy={busy} disabled={busy}>{t('tables.addMeeting')}</Button>
        </form>
      )}
    </div>
  );
}

function MeetingBlock({ id, meeting, map, canManage, onSaved }: { id: string; meeting: TableMeeting; map: MapView | null; canManage: boolean; onSaved: () => void }) {
  const { t, i18n } = useTranslation();
  const [decision, setDecision] = useState('');
  const [action, setAction] = useState({ text: '', ownerUserId: '', dueOn: '' });
  const [fields, setFields] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState('');
  const [busy, setBusy] = useState('');
  const sfx = meeting.id.slice(0, 8);
  const owners = (map?.partners ?? []).flatMap((p) => (p.people ?? []).filter((x) => x.userId).map((x) => ({ value: x.userId!, label: `${x.name} — ${p.organisationName}` })));

  const addDecision = async (e: FormEvent) => {
    e.preventDefault();
    if (!decision.trim()) { setFields({ decision: t('meeting.decisionRequired') }); return; }
    setFields({});
    setBusy('decision');
    setError(null);
    setDone('');
    try {
      await api.post(`/api/v1/partnerships/${id}/meetings/${meeting.id}/decisions`, { text: decision.trim() });
      setDone(t('tables.decisionSaved'));
      setDecision('');
      onSaved();
    } catch (err) {
      setError(err);
    } finally {
      setBusy('');
    }
  };

  const addAction = async (e: FormEvent) => {
    e.preventDefault();
    const f: Record<string, string> = {};
    if (!action.text.trim()) f.text = t('fieldError.required');
    if (!action.ownerUserId) f.ownerUserId = t('fieldError.choose');
    setFields(f);
    if (Object.keys(f).length) return;
    setBusy('action');
    setError(null);
    setDone('');
    try {
      await api.post(`/api/v1/partnerships/${id}/meetings/${meeting.id}/actions`, { text: action.text.trim(), ownerUserId: action.ownerUserId, ...(action.dueOn ? { dueOn: action.dueOn } : {}) });
      const owner = owners.find((o) => o.value === action.ownerUserId)?.label ?? '';
      setDone(t('tables.actionSaved', { owner }));
      setAction({ text: '', ownerUserId: '', dueOn: '' });
      onSaved();
    } catch (err) {
      setError(err);
      setFields(fieldErrorsOf(t, err));
    } finally {
      setBusy('');
    }
  };

  return (
    <section aria-labelledby={`tm-${sfx}`} className="rondom-card">
      <Heading level={5} id={`tm-${sfx}`}>{t('tables.meetingOn', { date: formatDate(meeting.heldOn, i18n.language) })}</Heading>
      {meeting.agenda.length > 0 && (
        <UnorderedList className="rondom-list">{meeting.agenda.map((a, i) => <UnorderedListItem key={i}>{a.title}</UnorderedListItem>)}</UnorderedList>
      )}
      {meeting.notes && <Paragraph>{meeting.notes}</Paragraph>}
      <Paragraph><strong>{t('tables.decisions')}</strong></Paragraph>
      {meeting.decisions.length === 0 ? <Paragraph>{t('tables.noDecisions')}</Paragraph> : (
        <UnorderedList className="rondom-list">{meeting.decisions.map((d) => <UnorderedListItem key={d.id}>{d.text}</UnorderedListItem>)}</UnorderedList>
      )}
      <Paragraph><strong>{t('tables.actions')}</strong></Paragraph>
      {meeting.actions.length === 0 ? <Paragraph>{t('tables.noActions')}</Paragraph> : (
        <UnorderedList className="rondom-list">
          {meeting.actions.map((a) => (
            <UnorderedListItem key={a.id}>
              {a.text} — {a.ownerName}{a.dueOn ? ` — ${t('home.dueOn', { date: formatDate(a.dueOn, i18n.language) })}` : ''} — {t(`actionStatus.${a.status}`, { defaultValue: a.status })}
            </UnorderedListItem>
          ))}
        </UnorderedList>
      )}
      {done && <SuccessAlert>{done}</SuccessAlert>}
      {error !== null && <ErrorAlert error={error} prefix={t('common.notSavedKept')} />}
      {canManage && (
        <>
          <form onSubmit={addDecision} noValidate className="rondom-form">
            <TextAreaField label={t('tables.decision')} name={`dec-${sfx}`} value={decision} onChange={setDecision} error={fields.decision} rows={2} />
            <Button type="submit" appearance="secondary-action-button" busy={busy === 'decision'} disabled={busy !== ''}>{t('tables.addDecision')}</Button>
          </form>
          <form onSubmit={addAction} noValidate className="rondom-form">
            <TextField label={t('tables.action')} name={`act-${sfx}`} value={action.text} onChange={(v) => setAction((a) => ({ ...a, text: v }))} error={fields.text} />
            <SelectField label={t('tables.owner')} name={`owner-${sfx}`} value={action.ownerUserId} onChange={(v) => setAction((a) => ({ ...a, ownerUserId: v }))} error={fields.ownerUserId}
              placeholder={t('common.choose')} options={owners} description={t('tables.ownerHelp')} />
            <TextField label={t('tables.due')} name={`due-${sfx}`} type="date" value={action.dueOn} onChange={(v) => setAction((a) => ({ ...a, dueOn: v }))} error={fields.dueOn} />
            <Button type="submit" appearance="secondary-action-button" busy={busy === 'action'} disabled={busy !== ''}>{t('tables.addAction')}</Button>
          </form>
        </>
      )}
    </section>
  );
}
