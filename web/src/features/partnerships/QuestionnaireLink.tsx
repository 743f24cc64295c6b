/**
 * On the home page: "Vragenlijst" when a self-assessment round waits for the signed-in user
 * (a parent, a young person or a professional); nothing when none does. Kept apart from the
 * questionnaire page so the home does not load that page's code.
 */
import { Heading, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api.ts';
import { useLoad } from '../../hooks.ts';
import { AppLink } from '../../router.tsx';
import type { QuestionnaireInvitation } from './assessment-types.ts';

export function QuestionnaireLink({ youngPerson = false }: { youngPerson?: boolean }) {
  const { t } = useTranslation();
  const list = useLoad((s) => api.get<QuestionnaireInvitation[]>('/api/v1/partnerships/invitations', s), []);
  const n = list.data?.length ?? 0;
  if (n === 0) return null;
  return (
    <section aria-labelledby="home-questionnaire" className="rondom-card">
      <Heading level={2} id="home-questionnaire">{t('questionnaire.title')}</Heading>
      <Paragraph>{t(`questionnaire.${youngPerson ? 'je' : 'u'}.homeText`, { count: n })}</Paragraph>
      <Paragraph><AppLink href="/questionnaire">{t('questionnaire.homeLink')}</AppLink></Paragraph>
    </section>
  );
}
