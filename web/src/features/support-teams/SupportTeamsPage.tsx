/**
 * "Ondersteuningsteam" (/support-teams): the support teams the user is in, and — for the school's
 * intern begeleider or zorgcoördinator — starting the team of their school.
 */
import { useState, type FormEvent } from 'react';
import { Button, Heading, Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api.ts';
import { Form, TextField } from '../../components/forms.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { DataSection } from '../../components/Section.tsx';
import { ErrorAlert } from '../../components/status.tsx';
import { formatDate } from '../../format.ts';
import { useLoad, useSave } from '../../hooks.ts';
import { AppLink, useRouter } from '../../router.tsx';
import type { SupportTeam, TeamList } from './support-team-types.ts';

export function SupportTeamsPage() {
  const { t, i18n } = useTranslation();
  const list = useLoad((s) => api.get<TeamList>('/api/v1/support-teams', s), []);
  return (
    <>
      <PageTitle>{t('supportTeam.listTitle')}</PageTitle>
      <Paragraph>{t('supportTeam.intro')}</Paragraph>
      <DataSection title={t('supportTeam.myTeams')} loaded={list} empty={(d) => d.teams.length === 0} emptyText={t('supportTeam.noTeams')}>
        {(d) => (
          <UnorderedList className="rondom-list">
            {d.teams.map((team) => (
              <UnorderedListItem key={team.id}>
                <AppLink href={`/support-teams/${team.id}`}>{team.name}</AppLink>
                {' — '}{t(`supportTeam.role.${team.teamRole}`)}
                {team.nextMeetingOn && <> — {t('supportTeam.nextMeeting', { date: formatDate(team.nextMeetingOn, i18n.language) })}</>}
              </UnorderedListItem>
            ))}
          </UnorderedList>
        )}
      </DataSection>
      {list.data?.canCreateFor.map((s) => <CreateTeam key={s.organisationId} schoolId={s.organisationId} schoolName={s.name} />)}
    </>
  );
}

function CreateTeam({ schoolId, schoolName }: { schoolId: string; schoolName: string }) {
  const { t } = useTranslation();
  const { navigate } = useRouter();
  const [name, setName] = useState(`${t('supportTeam.defaultName')} ${schoolName}`);
  const [date, setDate] = useState('');
  const { busy, error, fields, setFields, save } = useSave();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (name.trim().length < 2) {
      setFields({ name: t('supportTeam.nameRequired') });
      return;
    }
    setFields({});
    await save(async () => {
      const team = await api.post<SupportTeam>('/api/v1/support-teams', { schoolId, name: name.trim(), ...(date ? { nextMeetingOn: date } : {}) });
      navigate(`/support-teams/${team.id}`);
    });
  };
  return (
    <section aria-labelledby={`create-${schoolId}`} className="rondom-section">
      <Heading level={2} id={`create-${schoolId}`}>{t('supportTeam.createTitle', { school: schoolName })}</Heading>
      {error !== null && <ErrorAlert error={error} prefix={t('common.notSaved')} />}
      <Form onSubmit={submit}>
        <TextField label={t('supportTeam.name')} name="name" value={name} onChange={setName} error={fields.name} required />
        <TextField label={t('supportTeam.nextMeetingOn')} name="nextMeetingOn" type="date" value={date} onChange={setDate} error={fields.nextMeetingOn} />
        <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>{t('supportTeam.create')}</Button>
      </Form>
    </section>
  );
}
