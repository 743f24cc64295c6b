/**
 * Samenwerking: the partnerships I work in, and "Mijn acties" — the actions from
 * meeting tables that I own, whatever my role (GET /api/v1/partnerships/tasks).
 */
import { useState } from 'react';
import { Button, Paragraph, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { api, isApiError } from '../../api.ts';
import { ConflictPanel } from '../../components/ConflictPanel.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { DataSection } from '../../components/Section.tsx';
import { ErrorAlert, SuccessAlert } from '../../components/status.tsx';
import { formatDate } from '../../format.ts';
import { useLoad } from '../../hooks.ts';
import { AppLink } from '../../router.tsx';
import type { PartnershipListItem, PartnershipTask } from './partnership-types.ts';
import { TableScroll } from '../../components/TableScroll.tsx';

export function PartnershipsPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle>{t('partnership.listTitle')}</PageTitle>
      <Paragraph>{t('partnership.listIntro')}</Paragraph>
      <PartnershipList level={2} />
      <MyActions level={2} />
    </>
  );
}

export function PartnershipList({ level }: { level: number }) {
  const { t } = useTranslation();
  const list = useLoad((s) => api.get<PartnershipListItem[]>('/api/v1/partnerships', s), []);
  return (
    <DataSection title={t('partnership.mine')} level={level} loaded={list} empty={(d) => d.length === 0} emptyText={t('partnership.none')}>
      {(items) => (
        <UnorderedList className="rondom-list">
          {items.map((p) => (
            <UnorderedListItem key={p.id}>
              <AppLink href={`/partnerships/${p.id}`}>{p.name}</AppLink> — {t('partnership.partnerCount', { count: p.partnerCount })}
            </UnorderedListItem>
          ))}
        </UnorderedList>
      )}
    </DataSection>
  );
}

/** The actions I own on meeting tables; I mark them done (If-Match: the action's version). */
export function MyActions({ level }: { level: number }) {
  const { t, i18n } = useTranslation();
  const tasks = useLoad((s) => api.get<PartnershipTask[]>('/api/v1/partnerships/tasks', s), []);
  const [busy, setBusy] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [message, setMessage] = useState('');
  const [conflict, setConflict] = useState<{ task: PartnershipTask; current: PartnershipTask } | null>(null);

  const done = async (task: PartnershipTask, version: number) => {
    setBusy(task.id);
    setError(null);
    setMessage('');
    try {
      await api.patch(`/api/v1/partnerships/tasks/${task.id}`, { status: 'done' }, version);
      setConflict(null);
      setMessage(t('myActions.markedDone', { text: task.text }));
      tasks.reload();
    } catch (err) {
      if (isApiError(err) && err.isConflict) setConflict({ task, current: (err.current as PartnershipTask | undefined) ?? task });
      else setError(err);
    } finally {
      setBusy('');
    }
  };

  return (
    <DataSection title={t('myActions.title')} level={level} loaded={tasks} empty={(d) => d.length === 0} emptyText={t('myActions.none')}>
      {(items) => (
        <>
          {message && <SuccessAlert>{message}</SuccessAlert>}
          {error !== null && <ErrorAlert error={error} prefix={t('common.notSaved')} />}
          {conflict && (
            <ConflictPanel
              changes={[{ field: 'status', label: t('myActions.status'), mine: t('actionStatus.done'), theirs: t(`actionStatus.${conflict.current.status}`, { defaultValue: conflict.current.status }) }]}
              onUseTheirs={() => { setConflict(null); tasks.reload(); }}
              onOverwrite={() => void done(conflict.task, conflict.current.version)}
              busy={busy !== ''}
            />
          )}
          <TableScroll label={t('myActions.title')}>
            <Table className="rondom-my-actions">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{t('myActions.what')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('myActions.where')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('myActions.due')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('myActions.status')}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {items.map((task) => (
                  <TableRow key={task.id}>
                    <TableHeaderCell scope="row">{task.text}</TableHeaderCell>
                    <TableCell>{task.partnershipName} — {task.tableName} ({formatDate(task.meetingHeldOn, i18n.language)})</TableCell>
                    <TableCell>{formatDate(task.dueOn, i18n.language)}{task.overdue && <> — <strong>{t('home.late')}</strong></>}</TableCell>
                    <TableCell>
                      {t(`actionStatus.${task.status}`, { defaultValue: task.status })}
                      {task.allowedActions.includes('update_status') && task.status !== 'done' && (
                        <> <Button appearance="subtle-button" busy={busy === task.id} disabled={busy !== ''} onClick={() => void done(task, task.version)} aria-label={t('myActions.markDoneLabel', { text: task.text })}>{t('myActions.markDone')}</Button></>
                      )}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableScroll>
        </>
      )}
    </DataSection>
  );
}
