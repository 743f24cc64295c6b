/** My notifications (GET /api/v1/notifications); marking one as read. */
import { Button, Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { DataSection } from '../../components/Section.tsx';
import { formatDateTime } from '../../format.ts';
import { useLoad } from '../../hooks.ts';
import { AppLink } from '../../router.tsx';
import { itemsOf, type Notification } from '../children/children-types.ts';

export function NotificationsPage() {
  const { t, i18n } = useTranslation();
  const list = useLoad((s) => api.get<unknown>('/api/v1/notifications', s).then((d) => itemsOf<Notification>(d)), []);
  const markRead = async (id: string) => {
    await api.post(`/api/v1/notifications/${id}/read`);
    list.reload();
  };
  return (
    <>
      <PageTitle>{t('notifications.title')}</PageTitle>
      <DataSection title={t('notifications.list')} loaded={list} empty={(d) => d.length === 0} emptyText={t('notifications.none')}>
        {(items) => (
          <UnorderedList className="rondom-list rondom-notifications">
            {items.map((n) => (
              <UnorderedListItem key={n.id} className={n.readAt ? 'rondom-read' : 'rondom-unread'}>
                <Paragraph>
                  {!n.readAt && <strong>{t('notifications.new')} </strong>}
                  {t(`notificationKind.${n.kind}`, { defaultValue: n.text ?? n.message ?? n.kind })}
                  {' '}({formatDateTime(n.createdAt, i18n.language)})
                </Paragraph>
                {(n.text ?? n.message) && <Paragraph>{n.text ?? n.message}</Paragraph>}
                {n.childId && <Paragraph><AppLink href={`/children/${n.childId}`}>{t('notifications.openChild')}</AppLink></Paragraph>}
                {!n.readAt && <Button appearance="subtle-button" onClick={() => void markRead(n.id)}>{t('notifications.markRead')}</Button>}
              </UnorderedListItem>
            ))}
          </UnorderedList>
        )}
      </DataSection>
    </>
  );
}
