/** The workspace's warnings (machine codes with Dutch and English text). */
import { Alert, Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { local, type Warning } from './partnership-types.ts';

export function Warnings({ warnings, title }: { warnings: Warning[]; title?: string }) {
  const { t, i18n } = useTranslation();
  if (warnings.length === 0) return null;
  return (
    <Alert type="warning" className="rondom-warnings">
      <Paragraph><strong>{title ?? t('partnership.warnings', { count: warnings.length })}</strong></Paragraph>
      <UnorderedList className="rondom-list">
        {warnings.map((w, i) => <UnorderedListItem key={`${w.code}-${w.subjectId ?? i}`}>{local(i18n.language, w.messageNl, w.messageEn)}</UnorderedListItem>)}
      </UnorderedList>
    </Alert>
  );
}

