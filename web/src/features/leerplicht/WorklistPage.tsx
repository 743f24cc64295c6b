/**
 * Leerplicht and SWV: the thuiszitter worklist, most urgent first, and the
 * Inspectie report download. Built against the planned leerplicht API.
 */
import { useState } from 'react';
import { Heading, Link, Paragraph, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { api, query } from '../../api.ts';
import { SelectField } from '../../components/forms.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { DataSection } from '../../components/Section.tsx';
import { formatDate } from '../../format.ts';
import { useLoad } from '../../hooks.ts';
import { AppLink } from '../../router.tsx';
import { useMe } from '../../session.tsx';
import { itemsOf } from '../children/children-types.ts';

interface WorklistItem {
  id: string;
  childId?: string;
  childName?: string;
  kind?: string;
  status?: string;
  daysOutOfSchool?: number | null;
  deadline?: string | null;
  urgency?: number | string;
  rung?: string | null;
}

export function WorklistPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle>{t('worklist.title')}</PageTitle>
      <Worklist level={2} />
    </>
  );
}

/** The worklist table; the server sorts by urgency. */
export function Worklist({ level }: { level: number }) {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const list = useLoad((s) => api.get<unknown>('/api/v1/leerplicht/worklist', s).then((d) => itemsOf<WorklistItem>(d)), []);
  const swv = me.memberships.find((m) => m.role === 'swv_coordinator');
  return (
    <>
      <DataSection title={t('worklist.listTitle')} level={level} loaded={list} empty={(d) => d.length === 0} emptyText={t('worklist.empty')}>
        {(items) => (
          <div className="rondom-table-scroll">
            <Table>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{t('worklist.child')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('worklist.kind')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('worklist.daysOut')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('worklist.deadline')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('worklist.status')}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {items.map((w) => (
                  <TableRow key={w.id}>
                    <TableCell>{w.childId ? <AppLink href={`/children/${w.childId}`}>{w.childName ?? w.childId}</AppLink> : w.childName ?? '—'}</TableCell>
                    <TableCell>{t(`absenceKind.${w.kind ?? 'unknown'}`, { defaultValue: w.kind ?? '—' })}</TableCell>
                    <TableCell>{w.daysOutOfSchool ?? '—'}</TableCell>
                    <TableCell>{formatDate(w.deadline, i18n.language)}</TableCell>
                    <TableCell>{w.rung ?? w.status ?? '—'}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        )}
      </DataSection>
      {swv && <InspectieReport swvId={swv.organisationId} level={level} />}
    </>
  );
}

function currentQuarter(): string {
  const d = new Date();
  return `${d.getFullYear()}-Q${Math.floor(d.getMonth() / 3) + 1}`;
}

function InspectieReport({ swvId, level }: { swvId: string; level: number }) {
  const { t } = useTranslation();
  const [quarter, setQuarter] = useState(currentQuarter());
  const year = new Date().getFullYear();
  const quarters = [year, year - 1].flatMap((y) => [4, 3, 2, 1].map((q) => `${y}-Q${q}`));
  return (
    <section aria-labelledby="inspectie" className="rondom-section">
      <Heading level={level} id="inspectie">{t('worklist.reportTitle')}</Heading>
      <Paragraph>{t('worklist.reportIntro')}</Paragraph>
      <SelectField label={t('worklist.quarter')} name="quarter" value={quarter} onChange={setQuarter} options={quarters.map((q) => ({ value: q, label: q }))} />
      <Paragraph>
        <Link href={`/api/v1/leerplicht/inspectie-report${query({ swvId, quarter, format: 'csv' })}`} download>{t('worklist.downloadCsv')}</Link>
        {' · '}
        <Link href={`/api/v1/leerplicht/inspectie-report${query({ swvId, quarter, format: 'xlsx' })}`} download>{t('worklist.downloadXlsx')}</Link>
      </Paragraph>
    </section>
  );
}
