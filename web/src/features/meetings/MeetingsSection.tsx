/**
 * Integrated meetings: plan one, record decisions (a decision with an action
 * becomes a plan action) and share the report with the family.
 */
import { useState, type FormEvent } from 'react';
import { Button, Heading, Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api.ts';
import { SelectField, TextAreaField, TextField } from '../../components/forms.tsx';
import { DataSection } from '../../components/Section.tsx';
import { ErrorAlert, SuccessAlert } from '../../components/status.tsx';
import { fieldErrorsOf } from '../../errors.ts';
import { formatDate, formatDateTime } from '../../format.ts';
import { useLoad } from '../../hooks.ts';
import { can, itemsOf, type Meeting, type Network } from '../children/children-types.ts';

interface MeetingsView {
  items: Meeting[];
  allowedActions: string[];
}

export function MeetingsSection({ childId }: { childId: string }) {
  const { t } = useTranslation();
  const meetings = useLoad(async (s) => {
    const d = await api.get<unknown>(`/api/v1/children/${childId}/meetings`, s);
    const allowed = (d && typeof d === 'object' && !Array.isArray(d) ? (d as { allowedActions?: string[] }).allowedActions : undefined) ?? [];
    return { items: itemsOf<Meeting>(d), allowedActions: allowed } satisfies MeetingsView;
  }, [childId]);
  const network = useLoad((s) => api.get<Network>(`/api/v1/children/${childId}/network`, s), [childId]);
  const people = network.data?.involvements ?? [];
  return (
    <DataSection title={t('meeting.title')} level={3} loaded={meetings} emptyText="">
      {(v) => (
        <>
          {v.items.length === 0 && <Paragraph>{t('meeting.none')}</Paragraph>}
          {v.items.map((m) => <MeetingCard key={m.id} childId={childId} meeting={m} people={people.map((p) => ({ value: p.userId, label: p.displayName }))} allowed={v.allowedActions} onSaved={meetings.reload} />)}
          {can(v.allowedActions, 'manageMeetings') && <NewMeetingForm childId={childId} onSaved={meetings.reload} />}
        </>
      )}
    </DataSection>
  );
}

function NewMeetingForm({ childId, onSaved }: { childId: string; onSaved: () => void }) {
  const { t } = useTranslation();
  const [form, setForm] = useState({ title: '', date: '', time: '', agenda: '' });
  const [fields, setFields] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const set = (k: keyof typeof form) => (v: string) => setForm((f) => ({ ...f, [k]: v }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const f: Record<string, string> = {};
    if (!form.title.trim()) f.title = t('fieldError.required');
    if (!form.date) f.date = t('fieldError.date');
    if (!form.time) f.time = t('meeting.timeRequired');
    setFields(f);
    setDone(false);
    if (Object.keys(f).length) return;
    setBusy(true);
    setError(null);
    try {
      await api.post(`/api/v1/children/${childId}/meetings`, {
        title: form.title.trim(), startsAt: new Date(`${form.date}T${form.time}:00`).toISOString(), ...(form.agenda.trim() ? { agenda: form.agenda.trim() } : {}),
      });
      setDone(true);
      setForm({ title: '', date: '', time: '', agenda: '' });
      onSaved();
    } catch (err) {
      setError(err);
      const fe = fieldErrorsOf(t, err);
      setFields({ ...fe, ...(fe.startsAt ? { date: fe.startsAt } : {}) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="new-meeting" className="rondom-section">
      <Heading level={4} id="new-meeting">{t('meeting.newTitle')}</Heading>
      {done && <SuccessAlert>{t('meeting.planned')}</SuccessAlert>}
      {error !== null && <ErrorAlert error={error} prefix={t('common.notSavedKept')} />}
      <form onSubmit={submit} noValidate className="rondom-form">
        <TextField label={t('meeting.titleLabel')} name="title" value={form.title} onChange={set('title')} error={fields.title} required />
        <TextField label={t('meeting.date')} name="date" type="date" value={form.date} onChange={set('date')} error={fields.date} required />
        <TextField label={t('meeting.time')} name="time" type="time" value={form.time} onChange={set('time')} error={fields.time} required />
        <TextAreaField label={t('meeting.agenda')} name="agenda" value={form.agenda} onChange={set('agenda')} error={fields.agenda} rows={3} />
        <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>{busy ? t('common.saving') : t('meeting.plan')}</Button>
      </form>
    </section>
  );
}

function MeetingCard({ childId, meeting, people, allowed, onSaved }: { childId: string; meeting: Meeting; people: { value: string; label: string }[]; allowed: string[]; onSaved: () => void }) {
  const { t, i18n } = useTranslation();
  const [form, setForm] = useState({ text: '', what: '', ownerUserId: '', dueOn: '' });
  const [fields, setFields] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState('');
  const [done, setDone] = useState('');
  const set = (k: keyof typeof form) => (v: string) => setForm((f) => ({ ...f, [k]: v }));
  const headingId = `meeting-${meeting.id}`;

  const addDecision = async (e: FormEvent) => {
    e.preventDefault();
    const f: Record<string, string> = {};
    if (!form.text.trim()) f.text = t('meeting.decisionRequired');
    const withAction = form.what.trim() !== '';
    if (withAction && !form.ownerUserId) f.ownerUserId = t('fieldError.choose');
    if (withAction && !form.dueOn) f.dueOn = t('fieldError.date');
    setFields(f);
    setDone('');
    if (Object.keys(f).length) return;
    setBusy('decision');
    setError(null);
    try {
      await api.post(`/api/v1/children/${childId}/meetings/${meeting.id}/decisions`, {
        text: form.text.trim(), ...(withAction ? { action: { what: form.what.trim(), ownerUserId: form.ownerUserId, dueOn: form.dueOn } } : {}),
      });
      setDone(withAction ? t('meeting.decisionWithAction') : t('meeting.decisionSaved'));
      setForm({ text: '', what: '', ownerUserId: '', dueOn: '' });
      onSaved();
    } catch (err) {
      setError(err);
      setFields(fieldErrorsOf(t, err));
    } finally {
      setBusy('');
    }
  };

  const share = async () => {
    setBusy('share');
    setError(null);
    try {
      await api.post(`/api/v1/children/${childId}/meetings/${meeting.id}/share-report`);
      setDone(t('meeting.reportShared'));
      onSaved();
    } catch (err) {
      setError(err);
    } finally {
      setBusy('');
    }
  };

  const when = meeting.startsAt ?? meeting.scheduledAt;
  return (
    <section aria-labelledby={headingId} className="rondom-card">
      <Heading level={4} id={headingId}>{meeting.title ?? t('meeting.defaultTitle')} — {formatDateTime(when, i18n.language)}</Heading>
      {meeting.agenda && <Paragraph>{t('meeting.agenda')}: {meeting.agenda}</Paragraph>}
      {(meeting.decisions ?? []).length > 0 && (
        <>
          <Paragraph><strong>{t('meeting.decisions')}</strong></Paragraph>
          <UnorderedList className="rondom-list">{meeting.decisions!.map((d) => <UnorderedListItem key={d.id}>{d.text}</UnorderedListItem>)}</UnorderedList>
        </>
      )}
      {meeting.reportSharedAt && <Paragraph>{t('meeting.reportSharedOn', { date: formatDate(meeting.reportSharedAt, i18n.language) })}</Paragraph>}
      {done && <SuccessAlert>{done}</SuccessAlert>}
      {error !== null && <ErrorAlert error={error} prefix={t('common.notSavedKept')} />}
      {can(meeting.allowedActions ?? allowed, 'manageMeetings') && (
        <form onSubmit={addDecision} noValidate className="rondom-form">
          <TextAreaField label={t('meeting.decision')} name={`decision-${meeting.id}`} value={form.text} onChange={set('text')} error={fields.text} rows={2} required />
          <TextField label={t('meeting.actionWhat')} name={`what-${meeting.id}`} value={form.what} onChange={set('what')} error={fields.what} description={t('meeting.actionHelp')} />
          <SelectField label={t('meeting.actionWho')} name={`owner-${meeting.id}`} value={form.ownerUserId} onChange={set('ownerUserId')} error={fields.ownerUserId} placeholder={t('common.choose')} options={people} />
          <TextField label={t('meeting.actionDue')} name={`due-${meeting.id}`} type="date" value={form.dueOn} onChange={set('dueOn')} error={fields.dueOn} />
          <Button type="submit" appearance="primary-action-button" busy={busy === 'decision'} disabled={busy !== ''}>{t('meeting.addDecision')}</Button>
        </form>
      )}
      {!meeting.reportSharedAt && can(meeting.allowedActions ?? allowed, 'manageMeetings') && (
        <Button appearance="secondary-action-button" busy={busy === 'share'} disabled={busy !== ''} onClick={() => void share()}>{t('meeting.shareReport')}</Button>
      )}
    </section>
  );
}
