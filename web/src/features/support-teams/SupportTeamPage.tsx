/**
 * One support team (/support-teams/:id): the rolling agenda (anonymous consults and named pupils),
 * the members, and for the intern begeleider (allowedActions 'manage'): putting a pupil on the
 * agenda with the parents informed and invited, recording an item's outcome, rolling open items on
 * to the next meeting, adding members. A member who may not reach a child sees "a pupil" only:
 * the server leaves the name out.
 */
import { useState, type FormEvent } from 'react';
import { Button, ButtonGroup, Heading, Paragraph, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { api, query } from '../../api.ts';
import { CheckboxField, Form, SelectField, TextAreaField, TextField } from '../../components/forms.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { DataSection } from '../../components/Section.tsx';
import { ErrorAlert, SuccessAlert } from '../../components/status.tsx';
import { formatDate } from '../../format.ts';
import { useLoad, useSave } from '../../hooks.ts';
import { AppLink } from '../../router.tsx';
import { itemsOf, type ChildListItem } from '../children/children-types.ts';
import { TEAM_ROLES, type Candidate, type SupportTeam, type TeamItem } from './support-team-types.ts';
import { TableScroll } from '../../components/TableScroll.tsx';

export function SupportTeamPage({ teamId }: { teamId: string }) {
  const { t } = useTranslation();
  const loaded = useLoad((s) => api.get<SupportTeam>(`/api/v1/support-teams/${teamId}`, s), [teamId]);
  const [message, setMessage] = useState('');
  const done = (text: string) => {
    setMessage(text);
    loaded.reload();
  };
  return (
    <>
      <PageTitle>{loaded.data?.name ?? t('supportTeam.oneTitle')}</PageTitle>
      <Paragraph><AppLink href="/support-teams">{t('supportTeam.back')}</AppLink></Paragraph>
      {message && <SuccessAlert>{message}</SuccessAlert>}
      <DataSection title={t('supportTeam.agenda')} loaded={loaded} emptyText="">
        {(team) => <Agenda team={team} onDone={done} />}
      </DataSection>
      {loaded.data?.allowedActions.includes('manage') && (
        <>
          <AddPupil team={loaded.data} onDone={done} />
          <RollOn team={loaded.data} onDone={done} />
        </>
      )}
      {loaded.data && <Members team={loaded.data} onDone={done} />}
    </>
  );
}

function Agenda({ team, onDone }: { team: SupportTeam; onDone: (m: string) => void }) {
  const { t, i18n } = useTranslation();
  const dates = [...new Set(team.items.map((i) => i.meetingOn))].sort();
  const open = team.items.filter((i) => i.status === 'open');
  return (
    <>
      <Paragraph>
        {t('supportTeam.school', { school: team.school.name })}{' '}
        {team.nextMeetingOn ? t('supportTeam.nextMeetingAt', { date: formatDate(team.nextMeetingOn, i18n.language), time: team.meetingTime ?? '' }) : t('supportTeam.noNextMeeting')}
      </Paragraph>
      {open.length === 0 && <Paragraph>{t('supportTeam.noOpenItems')}</Paragraph>}
      {dates.map((d) => (
        <section key={d} aria-labelledby={`meeting-${d}`} className="rondom-section">
          <Heading level={3} id={`meeting-${d}`}>{t('supportTeam.meetingOf', { date: formatDate(d, i18n.language) })}</Heading>
          {team.items.filter((i) => i.meetingOn === d).map((item) => <Item key={item.id} team={team} item={item} onDone={onDone} />)}
        </section>
      ))}
    </>
  );
}

function Item({ team, item, onDone }: { team: SupportTeam; item: TeamItem; onDone: (m: string) => void }) {
  const { t } = useTranslation();
  const [outcome, setOutcome] = useState(item.outcome ?? '');
  const { busy, error, fields, setFields, save } = useSave();
  const title = item.kind === 'consult' ? t('supportTeam.consultItem') : (item.childName ?? t('supportTeam.aPupil'));
  const headingId = `item-${item.id}`;
  const patch = (close: boolean) => async (e?: FormEvent) => {
    e?.preventDefault();
    if (outcome.trim().length < 3) {
      setFields({ outcome: t('supportTeam.outcomeRequired') });
      return;
    }
    setFields({});
    await save(async () => {
      await api.patch(`/api/v1/support-teams/${team.id}/items/${item.id}`, { outcome: outcome.trim(), ...(close ? { status: 'done' } : {}) }, item.version);
      onDone(close ? t('supportTeam.itemClosed', { title }) : t('supportTeam.outcomeSaved', { title }));
    });
  };
  return (
    <section aria-labelledby={headingId} className="rondom-card">
      <Heading level={4} id={headingId}>{title}</Heading>
      <Paragraph>
        <strong>{t(`supportTeam.status.${item.status}`)}</strong>
        {item.kind === 'pupil' && !item.childName && <> — {t('supportTeam.noAccess')}</>}
      </Paragraph>
      {item.question && <Paragraph className="rondom-report">{item.question}</Paragraph>}
      {item.consultId && <Paragraph><AppLink href={`/consult/${item.consultId}`}>{t('supportTeam.openConsult')}</AppLink></Paragraph>}
      {item.topic && <Paragraph>{t('supportTeam.topicIs', { topic: item.topic })}</Paragraph>}
      {item.invitations.length > 0 && (
        <Paragraph>
          {t('supportTeam.invited')}{' '}
          {item.invitations.map((v) => `${v.displayName} (${t(`supportTeam.response.${v.response ?? 'none'}`)})`).join(', ')}
        </Paragraph>
      )}
      {item.status === 'done' && item.outcome && <Paragraph className="rondom-report">{t('supportTeam.outcomeIs', { outcome: item.outcome })}</Paragraph>}
      {item.status === 'open' && item.allowedActions.includes('update') && (
        <Form onSubmit={patch(false)}>
          {error !== null && <ErrorAlert error={error} prefix={t('common.notSavedKept')} />}
          <TextAreaField label={t('supportTeam.outcome')} name={`outcome-${item.id}`} value={outcome} onChange={setOutcome} error={fields.outcome}
            description={item.kind === 'consult' ? t('supportTeam.outcomeConsultHelp') : t('supportTeam.outcomeHelp')} rows={3} maxLength={8000} />
          <ButtonGroup>
            <Button type="submit" appearance="secondary-action-button" busy={busy} disabled={busy}>{t('supportTeam.saveOutcome')}</Button>
            <Button type="button" appearance="primary-action-button" busy={busy} disabled={busy} onClick={() => void patch(true)()}>{t('supportTeam.close')}</Button>
          </ButtonGroup>
        </Form>
      )}
    </section>
  );
}

function AddPupil({ team, onDone }: { team: SupportTeam; onDone: (m: string) => void }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [found, setFound] = useState<ChildListItem[] | null>(null);
  const [childId, setChildId] = useState('');
  const [topic, setTopic] = useState('');
  const [date, setDate] = useState(team.nextMeetingOn ?? '');
  const [informed, setInformed] = useState(false);
  const { busy, error, fields, setFields, save } = useSave();
  const search = async () => {
    await save(async () => {
      const d = await api.get<unknown>(`/api/v1/children${query({ q: q.trim(), limit: 20 })}`);
      const items = itemsOf<ChildListItem>(d);
      setFound(items);
      setChildId(items[0]?.id ?? '');
    });
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const f: Record<string, string> = {};
    if (!childId) f.youngPersonId = t('supportTeam.pupilRequired');
    if (!date) f.meetingOn = t('supportTeam.dateRequired');
    if (!informed) f.parentsInformed = t('supportTeam.informedRequired');
    setFields(f);
    if (Object.keys(f).length) return;
    await save(async () => {
      await api.post(`/api/v1/support-teams/${team.id}/items`, { youngPersonId: childId, meetingOn: date, parentsInformed: true, ...(topic.trim() ? { topic: topic.trim() } : {}) });
      const name = found?.find((c) => c.id === childId);
      setFound(null); setQ(''); setTopic(''); setInformed(false);
      onDone(t('supportTeam.pupilAdded', { name: name ? `${name.givenName} ${name.familyName}` : '' }));
    });
  };
  return (
    <section aria-labelledby="add-pupil" className="rondom-section">
      <Heading level={2} id="add-pupil">{t('supportTeam.addPupilTitle')}</Heading>
      <Paragraph>{t('supportTeam.addPupilIntro')}</Paragraph>
      {error !== null && <ErrorAlert error={error} prefix={t('common.notSaved')} />}
      <form onSubmit={(e) => { e.preventDefault(); void search(); }} noValidate className="rondom-form" role="search" aria-label={t('supportTeam.searchPupil')}>
        <TextField label={t('supportTeam.searchPupil')} name="pupil-search" type="search" inputMode="search" value={q} onChange={setQ} autoComplete="off" />
        <Button type="submit" appearance="secondary-action-button" disabled={busy || q.trim().length < 2}>{t('supportTeam.search')}</Button>
      </form>
      {found !== null && found.length === 0 && <Paragraph>{t('supportTeam.noPupilFound')}</Paragraph>}
      {found !== null && found.length > 0 && (
        <Form onSubmit={submit}>
          <SelectField label={t('supportTeam.pupil')} name="youngPersonId" value={childId} onChange={setChildId} error={fields.youngPersonId}
            options={found.map((c) => ({ value: c.id, label: `${c.givenName} ${c.familyName} (${t('child.age', { count: c.ageYears })})` }))} />
          <TextField label={t('supportTeam.topic')} name="topic" value={topic} onChange={setTopic} error={fields.topic} description={t('supportTeam.topicHelp')} maxLength={300} />
          <TextField label={t('supportTeam.meetingOn')} name="meetingOn" type="date" value={date} onChange={setDate} error={fields.meetingOn} required />
          <CheckboxField label={t('supportTeam.parentsInformed')} name="parentsInformed" checked={informed} onChange={setInformed} error={fields.parentsInformed}
            description={t('supportTeam.parentsInformedHelp')} required />
          <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>{t('supportTeam.addPupil')}</Button>
        </Form>
      )}
    </section>
  );
}

function RollOn({ team, onDone }: { team: SupportTeam; onDone: (m: string) => void }) {
  const { t, i18n } = useTranslation();
  const [to, setTo] = useState('');
  const { busy, error, fields, setFields, save } = useSave();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!to) {
      setFields({ to: t('supportTeam.dateRequired') });
      return;
    }
    setFields({});
    await save(async () => {
      await api.post(`/api/v1/support-teams/${team.id}/roll-on`, { to });
      onDone(t('supportTeam.rolledOn', { date: formatDate(to, i18n.language) }));
    });
  };
  return (
    <section aria-labelledby="roll-on" className="rondom-section">
      <Heading level={2} id="roll-on">{t('supportTeam.rollOnTitle')}</Heading>
      <Paragraph>{t('supportTeam.rollOnIntro')}</Paragraph>
      {error !== null && <ErrorAlert error={error} prefix={t('common.notSaved')} />}
      <Form onSubmit={submit}>
        <TextField label={t('supportTeam.nextMeetingOn')} name="to" type="date" value={to} onChange={setTo} error={fields.to} required />
        <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>{t('supportTeam.rollOn')}</Button>
      </Form>
    </section>
  );
}

function Members({ team, onDone }: { team: SupportTeam; onDone: (m: string) => void }) {
  const { t } = useTranslation();
  const manage = team.allowedActions.includes('manage');
  const candidates = useLoad((s) => (manage ? api.get<Candidate[]>(`/api/v1/support-teams/${team.id}/candidates`, s) : Promise.resolve([])), [team.id, manage, team.members.length]);
  const [choice, setChoice] = useState('');
  const [role, setRole] = useState('youth_care_contact');
  const { busy, error, fields, setFields, save } = useSave();
  const [confirming, setConfirming] = useState<string | null>(null);
  const [ending, setEnding] = useState(false);
  const [endError, setEndError] = useState<unknown>(null);
  const end = async (userId: string, name: string) => {
    setEnding(true);
    setEndError(null);
    try {
      await api.del(`/api/v1/support-teams/${team.id}/members/${userId}`);
      setConfirming(null);
      onDone(t('supportTeam.memberEnded', { name }));
    } catch (err) {
      setEndError(err);
    } finally {
      setEnding(false);
    }
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const c = candidates.data?.find((x) => `${x.userId}|${x.organisationId}` === choice);
    if (!c) {
      setFields({ member: t('supportTeam.memberRequired') });
      return;
    }
    setFields({});
    await save(async () => {
      await api.post(`/api/v1/support-teams/${team.id}/members`, { userId: c.userId, organisationId: c.organisationId, teamRole: role });
      setChoice('');
      onDone(t('supportTeam.memberAdded', { name: c.displayName }));
    });
  };
  return (
    <section aria-labelledby="team-members" className="rondom-section">
      <Heading level={2} id="team-members">{t('supportTeam.members')}</Heading>
      {endError !== null && <ErrorAlert error={endError} prefix={t('common.notSaved')} />}
      <TableScroll label={t('supportTeam.members')}>
        <Table>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t('supportTeam.memberName')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('supportTeam.memberOrganisation')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('supportTeam.memberRole')}</TableHeaderCell>
              {manage && <TableHeaderCell scope="col"><span className="rondom-visually-hidden">{t('supportTeam.memberActions')}</span></TableHeaderCell>}
            </TableRow>
          </TableHeader>
          <TableBody>
            {team.members.map((m) => (
              <TableRow key={m.userId}>
                <TableHeaderCell scope="row">{m.displayName}</TableHeaderCell>
                <TableCell>{m.organisationName}</TableCell>
                <TableCell>{t(`supportTeam.role.${m.teamRole}`)}</TableCell>
                {manage && (
                  <TableCell>
                    {confirming === m.userId ? (
                      <span className="rondom-confirm" role="group" aria-label={t('supportTeam.endMemberConfirm', { name: m.displayName })}>
                        <span>{t('supportTeam.endMemberConfirm', { name: m.displayName })} </span>
                        <Button appearance="secondary-action-button" busy={ending} disabled={ending} onClick={() => void end(m.userId, m.displayName)}>{t('supportTeam.endMemberYes')}</Button>{' '}
                        <Button appearance="subtle-button" onClick={() => setConfirming(null)}>{t('supportTeam.endMemberNo')}</Button>
                      </span>
                    ) : (
                      <Button appearance="subtle-button" onClick={() => setConfirming(m.userId)}>
                        {t('supportTeam.endMember')}<span className="rondom-visually-hidden"> {m.displayName}</span>
                      </Button>
                    )}
                  </TableCell>
                )}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableScroll>
      {manage && (
        <Form onSubmit={submit}>
          <Heading level={3}>{t('supportTeam.addMember')}</Heading>
          {error !== null && <ErrorAlert error={error} prefix={t('common.notSaved')} />}
          <SelectField label={t('supportTeam.member')} name="member" value={choice} onChange={setChoice} error={fields.member} placeholder={t('common.choose')}
            options={(candidates.data ?? []).map((c) => ({ value: `${c.userId}|${c.organisationId}`, label: `${c.displayName} — ${c.organisationName}` }))} />
          <SelectField label={t('supportTeam.memberRole')} name="teamRole" value={role} onChange={setRole}
            options={TEAM_ROLES.map((r) => ({ value: r, label: t(`supportTeam.role.${r}`) }))} />
          <Button type="submit" appearance="secondary-action-button" busy={busy} disabled={busy}>{t('supportTeam.addMemberButton')}</Button>
        </Form>
      )}
    </section>
  );
}
