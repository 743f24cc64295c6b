import { UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import type { Match } from '../children/children-types.ts';
import { ContactLinks } from '../../components/Contact.tsx';

/** Who else is involved: a match names the other side's organisation, person and contact, never content. */
export function MatchList({ items }: { items: Match[] }) {
  const { t } = useTranslation();
  return (
    <UnorderedList className="rondom-list">
      {items.map((m) => (
        <UnorderedListItem key={m.id}>
          {t(m.kind === 'family' ? 'home.matchFamily' : 'home.matchLine', {
            child: m.mySignal.youngPersonName, org: m.other.organisationName, name: m.other.displayName, sibling: m.other.youngPersonName ?? '',
          })}
          {(m.other.contactPhone || m.other.contactEmail) && <> — <ContactLinks phone={m.other.contactPhone} email={m.other.contactEmail} /></>}
        </UnorderedListItem>
      ))}
    </UnorderedList>
  );
}
