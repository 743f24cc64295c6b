/**
 * A case's history for the leerplicht officer (GET /api/v1/leerplicht/absences/:id/history):
 * registration, changes (which fields, not their values), rung changes and decisions, newest
 * first, with who and when. Shown only when the case's allowedActions include 'readHistory'.
 */
import { OrderedList, OrderedListItem } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { api } from '../../api.ts';
import { DataSection } from '../../components/Section.tsx';
import { formatDate, formatDateTime } from '../../format.ts';
import { useLoad } from '../../hooks.ts';
import type { CaseHistoryItem, LeerplichtCase } from './leerplicht-types.ts';

function what(t: TFunction, lang: string, e: CaseHistoryItem): string {
  const rung = e.rungKey ? t(`rung.${e.rungKey}`, { defaultValue: e.rungKey }) : '';
  switch (e.kind) {
    case 'registered': return t('caseHistory.registered', { kind: t(`absenceKind.${e.absenceKind ?? ''}`, { defaultValue: e.absenceKind ?? '' }) });
    case 'escalated': return t(e.automatic ? 'caseHistory.escalatedAuto' : 'caseHistory.escalated', { rung });
    case 'decision': return t('caseHistory.decision', { place: e.place ?? '', date: formatDate(e.dueOn, lang) });
    case 'updated': return t('caseHistory.updated', { fields: e.fields.map((f) => t(`caseHistory.field.${f}`, { defaultValue: f })).join(', ') });
  }
}

export function CaseHistory({ c }: { c: LeerplichtCase }) {
  const { t, i18n } = useTranslation();
  // Reloads after each change of the case (its version or rung changes).
  const history = useLoad((s) => api.get<{ items: CaseHistoryItem[] }>(`/api/v1/leerplicht/absences/${c.id}/history`, s), [c.id, c.version, c.escalation?.rung]);
  return (
    <DataSection title={t('caseHistory.title')} loaded={history} empty={(h) => h.items.length === 0} emptyText={t('caseHistory.empty')}>
      {(h) => (
        <OrderedList className="rondom-list rondom-case-history">
          {h.items.map((e) => (
            <OrderedListItem key={e.id}>
              <time dateTime={e.at}>{formatDateTime(e.at, i18n.language)}</time>
              {' — '}
              {what(t, i18n.language, e)}
              {' — '}
              {e.by ? t('caseHistory.by', { name: e.by.name }) : t('caseHistory.byJob')}
            </OrderedListItem>
          ))}
        </OrderedList>
      )}
    </DataSection>
  );
}
