/**
 * My notifications (GET /api/v1/notifications), newest first; marking one as read.
 * An emergency access ("break the glass") shows who, from which organisation, which
 * emergency and why, and the lead professional reviews it right here, with an optional
 * note; "unjustified" ends the access at once.
 */
import { useState } from 'react';
import { Button, ButtonGroup, Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api.ts';
import { TextAreaField } from '../../components/forms.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { DataSection } from '../../components/Section.tsx';
import { ErrorAlert, SuccessAlert } from '../../components/status.tsx';
import { formatDate, formatDateTime } from '../../format.ts';
import { useLoad } from '../../hooks.ts';
import { AppLink } from '../../router.tsx';
import { useMe } from '../../session.tsx';
import type { Notification } from '../children/children-types.ts';
import { notificationHref, notificationWordsKey } from '../../../../shared/notifications.ts';

const str = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');

export function NotificationsPage() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  // The young person reads about themselves, addressed as "je" (words with the context "young", where a kind has them).
  const context = me.kind === 'young_person' ? 'young' : undefined;
  const words = (n: Notification) => {
    const date = str(n.payload.date) || str(n.payload.on) || str(n.payload.before);
    return t(notificationWordsKey(n.kind), {
      context, defaultValue: t('notifications.unknownKind'),
      child: n.childName ?? t('notifications.aChild'), by: str(n.payload.by), organisation: str(n.payload.organisation), number: str(n.payload.number),
      team: str(n.payload.team), date: date ? formatDate(date, i18n.language) : '', days: str(n.payload.days), age: str(n.payload.age),
      rung: str(n.payload.rung) ? t(`rung.${str(n.payload.rung)}`, { defaultValue: t('notifications.nextStep') }) : '',
    });
  };
  const list = useLoad((s) => api.get<Notification[]>('/api/v1/notifications', s), []);
  const [error, setError] = useState<unknown>(null);
  const [message, setMessage] = useState('');
  const markRead = async (id: string) => {
    try {
      await api.post(`/api/v1/notifications/${id}/read`);
      list.reload();
    } catch (err) {
      setError(err);
    }
  };
  const [notes, setNotes] = useState<Record<string, string>>({});
  const review = async (n: Notification, outcome: 'justified' | 'unjustified') => {
    setError(null);
    setMessage('');
    const note = (notes[n.id] ?? '').trim();
    try {
      await api.post(`/api/v1/children/${n.youngPersonId}/break-glass/${str(n.payload.grantId)}/review`, { outcome, ...(note ? { note } : {}) });
      await api.post(`/api/v1/notifications/${n.id}/read`);
      setMessage(t(`notifications.reviewed_${outcome}`));
      list.reload();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <>
      <PageTitle>{t('notifications.title')}</PageTitle>
      {message && <SuccessAlert>{message}</SuccessAlert>}
      {error !== null && <ErrorAlert error={error} prefix={t('common.notSaved')} />}
      <DataSection title={t('notifications.list')} loaded={list} empty={(d) => d.length === 0} emptyText={t('notifications.none')}>
        {(items) => (
          <UnorderedList className="rondom-list rondom-notifications">
            {items.map((n) => (
              <UnorderedListItem key={n.id} className={n.read ? 'rondom-read' : 'rondom-unread'}>
                <Paragraph>
                  {!n.read && <strong>{t('notifications.new')} </strong>}
                  {words(n)}
                  {' '}<span className="rondom-hint">({formatDateTime(n.createdAt, i18n.language)})</span>
                </Paragraph>
                {n.kind === 'break_glass.started' && str(n.payload.emergency) && (
                  <Paragraph>{t('notifications.emergency', { emergency: t(`emergency.${str(n.payload.emergency)}`, { defaultValue: str(n.payload.emergency) }) })}</Paragraph>
                )}
                {n.kind === 'break_glass.started' && str(n.payload.reason) && (
                  <Paragraph>{t('notifications.reason', { reason: str(n.payload.reason) })}</Paragraph>
                )}
                {n.kind === 'break_glass.started' && !n.read && n.youngPersonId && str(n.payload.grantId) && (
                  <TextAreaField
                    label={t('notifications.reviewNote')} name={`note-${n.id}`} rows={2} maxLength={2000}
                    value={notes[n.id] ?? ''} onChange={(v) => setNotes((m) => ({ ...m, [n.id]: v }))}
                  />
                )}
                {n.link && (
                  <Paragraph>
                    <AppLink href={notificationHref(n.link)}>
                      {t(`notifications.link.${n.link.to}`, { context: n.link.to === 'child' ? context : undefined, child: n.childName ?? t('notifications.aChild') })}
                    </AppLink>
                  </Paragraph>
                )}
                <ButtonGroup>
                  {n.kind === 'break_glass.started' && !n.read && n.youngPersonId && str(n.payload.grantId) && (
                    <>
                      <Button appearance="secondary-action-button" onClick={() => void review(n, 'justified')}>{t('notifications.justified')}</Button>
                      <Button appearance="secondary-action-button" hint="danger" onClick={() => void review(n, 'unjustified')}>{t('notifications.unjustified')}</Button>
                    </>
                  )}
                  {!n.read && <Button appearance="subtle-button" onClick={() => void markRead(n.id)}>{t('notifications.markRead')}</Button>}
                </ButtonGroup>
              </UnorderedListItem>
            ))}
          </UnorderedList>
        )}
      </DataSection>
    </>
  );
}
