/** Search the young people this professional may reach (GET /api/v1/children?q=). */
import { useState, type FormEvent } from 'react';
import { Button, Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { api, query } from '../../api.ts';
import { TextField } from '../../components/forms.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { ErrorAlert, Loading } from '../../components/status.tsx';
import { AppLink } from '../../router.tsx';
import { fullName, itemsOf, type ChildListItem } from './children-types.ts';
import { formatDate, isExpectedBirth } from '../../format.ts';

export function ChildSearchPage() {
  const { t, i18n } = useTranslation();
  const [q, setQ] = useState('');
  const [result, setResult] = useState<{ q: string; items: ChildListItem[] } | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const search = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const data = await api.get<unknown>(`/api/v1/children${query({ q: q.trim() })}`);
      setResult({ q: q.trim(), items: itemsOf<ChildListItem>(data) });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageTitle>{t('search.title')}</PageTitle>
      <Paragraph>{t('search.intro')}</Paragraph>
      <Paragraph><AppLink href="/children/new">{t('search.registerLink')}</AppLink></Paragraph>
      <form onSubmit={search} role="search" className="rondom-form rondom-form--inline" noValidate>
        <TextField label={t('search.label')} name="q" type="search" value={q} onChange={setQ} description={t('search.help')} />
        <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>{t('search.submit')}</Button>
      </form>
      {busy && <Loading label={t('search.searching')} />}
      {error !== null && <ErrorAlert error={error} />}
      <div aria-live="polite" className="rondom-results">
        {result && !busy && (
          result.items.length === 0 ? (
            <>
              <Paragraph>{t('search.nothingFound', { q: result.q })}</Paragraph>
              <Paragraph><AppLink href="/break-glass">{t('search.breakGlassLink')}</AppLink></Paragraph>
            </>
          ) : (
            <>
              <Paragraph>{t('search.found', { count: result.items.length })}</Paragraph>
              <UnorderedList className="rondom-list">
                {result.items.map((c) => (
                  <UnorderedListItem key={c.id}>
                    <AppLink href={`/children/${c.id}`}>{fullName(c)}</AppLink> — {t(isExpectedBirth(c.birthDate) ? 'child.expected' : 'child.born', { date: formatDate(c.birthDate, i18n.language) })}
                  </UnorderedListItem>
                ))}
              </UnorderedList>
            </>
          )
        )}
      </div>
    </>
  );
}
