/**
 * The municipality coordinator's list: families' requests for a conversation about the plan
 * that are still open after the region's period (or have no lead). Shown only when the server
 * lists any; a link to the child only when the coordinator may open it.
 */
import { Heading, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api.ts';
import { formatDate } from '../../format.ts';
import { useLoad } from '../../hooks.ts';
import { AppLink } from '../../router.tsx';
import { ResolveForm } from './DisagreementSection.tsx';
import type { EscalatedOut } from '../../../../server/modules/plans/disagreements.schemas.ts';

type Escalated = EscalatedOut;

export function EscalatedDisagreements({ level = 2 }: { level?: number }) {
  const { t, i18n } = useTranslation();
  const list = useLoad((s) => api.get<Escalated[]>('/api/v1/disagreements', s), []);
  if (!list.data || list.data.length === 0) return null;
  return (
    <section aria-labelledby="escalated-title" className="rondom-section">
      <Heading level={level} id="escalated-title">{t('disagreement.coordinatorTitle')}</Heading>
      <Paragraph>{t('disagreement.coordinatorIntro')}</Paragraph>
      {list.data.map((x) => (
        <section key={x.id} aria-labelledby={`esc-${x.id.slice(0, 8)}`} className="rondom-card">
          <Heading level={level + 1} id={`esc-${x.id.slice(0, 8)}`}>{t('disagreement.coordinatorItem', { child: x.childName, days: x.daysOpen })}</Heading>
          <Paragraph>{t('disagreement.coordinatorAsked', { name: x.requestedBy, relation: t(`disagreement.relation.${x.relation}`), date: formatDate(x.requestedAt, i18n.language) })}</Paragraph>
          <Paragraph>“{x.reason}”</Paragraph>
          <Paragraph>{x.leadName ? t('disagreement.coordinatorLead', { name: x.leadName, organisation: x.leadOrganisation ?? '' }) : t('disagreement.coordinatorNoLead')}</Paragraph>
          {x.youngPersonId && <Paragraph><AppLink href={`/children/${x.youngPersonId}`}>{t('disagreement.openChild', { child: x.childName })}</AppLink></Paragraph>}
          {x.allowedActions.includes('resolveDisagreement') && <ResolveForm url={`/api/v1/disagreements/${x.id}/resolve`} id={x.id} onSaved={list.reload} />}
        </section>
      ))}
    </section>
  );
}
