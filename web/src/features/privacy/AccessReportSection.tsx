/**
 * The NEN 7513 access report: every access by one professional to children's files in a period
 * (GET /api/v1/privacy/access-report), newest first. The table sits in a labelled region that
 * scrolls sideways on a phone; its cells keep words whole.
 */
import { useState, type FormEvent } from 'react';
import { Button, Paragraph, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { api, query } from '../../api.ts';
import { Form, SelectField, TextField } from '../../components/forms.tsx';
import { ErrorAlert, Loading } from '../../components/status.tsx';
import { fieldErrorsOf } from '../../errors.ts';
import { formatDateTime } from '../../format.ts';
import { todayIso } from '../leerplicht/leerplicht-types.ts';
import type { AccessReport, PrivacyOverview } from './privacy-types.ts';
import { TableScroll } from '../../components/TableScroll.tsx';

function daysAgo(n: number): string {
  const d = new Date();
  d.setDate(d.getDate() - n);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export function AccessReportSection({ professionals }: { professionals: PrivacyOverview['professionals'] }) {
  const { t, i18n } = useTranslation();
  const [userId, setUserId] = useState('');
  const [from, setFrom] = useState(daysAgo(30));
  const [to, setTo] = useState(todayIso());
  const [fields, setFields] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [report, setReport] = useState<{ who: string; items: AccessReport['items'] } | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const f: Record<string, string> = {};
    if (!userId) f.userId = t('privacy.chooseProfessional');
    if (from && to && from > to) f.to = t('privacy.toAfterFrom');
    setFields(f);
    if (Object.keys(f).length) return;
    setBusy(true);
    setError(null);
    try {
      const res = await api.get<AccessReport>(`/api/v1/privacy/access-report${query({ userId, from, to })}`);
      const p = professionals.find((x) => x.userId === userId);
      setReport({ who: p ? p.displayName : '', items: res.items });
    } catch (err) {
      setError(err);
      setFields(fieldErrorsOf(t, err));
    } finally {
      setBusy(false);
    }
  };

  // One option per person (someone may work for two covered organisations).
  const people = [...new Map(professionals.map((p) => [p.userId, p])).values()];
  const what = (kind: string) => t([...(kind.startsWith('support_team.') ? [`supportTeam.auditKind.${kind.slice(13)}`] : []), `auditKind.${kind.replace(/\./g, '_')}`, `${kind.split('.')[0]}.auditKind.${kind.split('.').slice(1).join('_')}`], { defaultValue: kind.replace(/[._]/g, ' ') });
  return (
    <>
      <Paragraph>{t('privacy.reportIntro')}</Paragraph>
      <Form onSubmit={submit}>
        <SelectField label={t('privacy.professional')} name="userId" value={userId} onChange={setUserId} error={fields.userId} placeholder={t('common.choose')}
          options={people.map((p) => ({ value: p.userId, label: `${p.displayName} (${p.organisationName})` }))} />
        <TextField label={t('privacy.from')} name="from" type="date" value={from} onChange={setFrom} error={fields.from} />
        <TextField label={t('privacy.to')} name="to" type="date" value={to} onChange={setTo} error={fields.to} />
        <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>{t('privacy.showReport')}</Button>
      </Form>
      {busy && <Loading />}
      {error !== null && <ErrorAlert error={error} />}
      {report && !busy && (
        report.items.length === 0 ? <Paragraph>{t('privacy.reportEmpty', { who: report.who })}</Paragraph> : (
          <>
            <Paragraph id="access-report-caption">{t('privacy.reportFor', { who: report.who, count: report.items.length })}</Paragraph>
            <TableScroll label={t('privacy.reportFor', { who: report.who, count: report.items.length })}>
              <Table className="rondom-access-report">
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell scope="col">{t('privacy.colWhen')}</TableHeaderCell>
                    <TableHeaderCell scope="col">{t('privacy.colWhat')}</TableHeaderCell>
                    <TableHeaderCell scope="col">{t('privacy.colChild')}</TableHeaderCell>
                    <TableHeaderCell scope="col">{t('privacy.colBasis')}</TableHeaderCell>
                    <TableHeaderCell scope="col">{t('privacy.colOutcome')}</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {report.items.map((r, i) => (
                    <TableRow key={`${r.at}-${i}`}>
                      <TableCell>{formatDateTime(r.at, i18n.language)}</TableCell>
                      <TableCell>{what(r.kind)}</TableCell>
                      <TableCell>{r.childName ?? '—'}</TableCell>
                      <TableCell>{r.basis ? t(`basis.${r.basis}`, { defaultValue: r.basis }) : '—'}</TableCell>
                      <TableCell>{r.outcome === 'allowed' ? t('privacy.allowed') : t('privacy.denied')}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </TableScroll>
          </>
        )
      )}
    </>
  );
}
