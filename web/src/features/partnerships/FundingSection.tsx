/** Funding lines: who invests how much per year, pooled or fixed, until when; added and changed with If-Match. */
import { useState } from 'react';
import { Paragraph, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api.ts';
import { RadioGroupField, SelectField, TextField } from '../../components/forms.tsx';
import { DataSection } from '../../components/Section.tsx';
import { SuccessAlert } from '../../components/status.tsx';
import { formatDate } from '../../format.ts';
import { useLoad } from '../../hooks.ts';
import type { FundingLine, FundingView, Partner } from './partnership-types.ts';
import { Warnings } from './Warnings.tsx';
import { Disclosure, only, required, WsForm } from './WsForm.tsx';
import { TableScroll } from '../../components/TableScroll.tsx';

const MODES = ['pooled', 'fixed'] as const;

/** "1.250,50", "1250.5" or "€ 1250" → cents; null when it is not an amount. */
export function parseEuros(value: string): number | null {
  let v = value.replace(/[\s€]/g, '');
  if (!v) return null;
  // A comma is the decimal sign (Dutch); dots in groups of three are thousands ("12.500").
  if (v.includes(',')) v = v.replace(/\./g, '').replace(',', '.');
  else if (/^\d{1,3}(\.\d{3})+$/.test(v)) v = v.replace(/\./g, '');
  if (!/^\d+(\.\d{1,2})?$/.test(v)) return null;
  return Math.round(Number(v) * 100);
}

export function FundingSection({ id, partners }: { id: string; partners: Partner[] }) {
  const { t, i18n } = useTranslation();
  const funding = useLoad((s) => api.get<FundingView>(`/api/v1/partnerships/${id}/funding`, s), [id]);
  const [done, setDone] = useState('');
  const euro = (cents: number) => new Intl.NumberFormat(i18n.language.startsWith('nl') ? 'nl-NL' : 'en-GB', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 }).format(cents / 100);
  const saved = (text: string) => { setDone(text); funding.reload(); };
  return (
    <DataSection title={t('funding.title')} level={3} loaded={funding} emptyText={t('funding.none')}>
      {(f) => {
        const canManage = f.allowedActions?.includes('manage_funding') ?? false;
        return (
          <>
            {done && <SuccessAlert>{done}</SuccessAlert>}
            <Warnings warnings={f.warnings} />
            {f.lines.length === 0 ? <Paragraph>{t('funding.none')}</Paragraph> : (
              <TableScroll label={t('funding.title')}>
                <Table>
                  <TableHeader>
                    <TableRow>
                      <TableHeaderCell scope="col">{t('funding.who')}</TableHeaderCell>
                      <TableHeaderCell scope="col">{t('funding.purpose')}</TableHeaderCell>
                      <TableHeaderCell scope="col">{t('funding.perYear')}</TableHeaderCell>
                      <TableHeaderCell scope="col">{t('funding.mode')}</TableHeaderCell>
                      <TableHeaderCell scope="col">{t('funding.until')}</TableHeaderCell>
                    </TableRow>
                  </TableHeader>
                  <TableBody>
                    {f.lines.map((l) => (
                      <TableRow key={l.id}>
                        <TableCell>{l.organisationName}</TableCell>
                        <TableCell>{l.purpose}</TableCell>
                        <TableCell>{euro(l.amountPerYearCents)}</TableCell>
                        <TableCell>{t(`fundingMode.${l.mode}`, { defaultValue: l.mode })}</TableCell>
                        <TableCell>{formatDate(l.endsOn, i18n.language)}</TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              </TableScroll>
            )}
            {canManage && (
              <div className="rondom-buttons">
                {f.lines.map((l) => (
                  <Disclosure key={l.id} label={t('wsEdit.funding.edit', { purpose: l.purpose, org: l.organisationName })} appearance="subtle-button">
                    {(close) => <FundingForm id={id} line={l} partners={partners} onCancel={close} onSaved={(p) => { close(); saved(t('wsEdit.funding.saved', { purpose: p })); }} />}
                  </Disclosure>
                ))}
                <Disclosure label={t('wsEdit.funding.add')}>
                  {(close) => <FundingForm id={id} partners={partners} onCancel={close} onSaved={(p) => { close(); saved(t('wsEdit.funding.added', { purpose: p })); }} />}
                </Disclosure>
              </div>
            )}
          </>
        );
      }}
    </DataSection>
  );
}

function FundingForm({ id, line, partners, onSaved, onCancel }: { id: string; line?: FundingLine; partners: Partner[]; onSaved: (purpose: string) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const init = (x?: FundingLine) => ({
    partnerId: x?.partnerId ?? '', purpose: x?.purpose ?? '', amount: x ? String(x.amountPerYearCents / 100).replace('.', ',') : '', mode: x?.mode ?? 'pooled',
    startsOn: x?.startsOn ?? '', endsOn: x?.endsOn ?? '',
  });
  const [d, setD] = useState(init(line));
  const set = (k: keyof typeof d) => (v: string) => setD((x) => ({ ...x, [k]: v }));
  const labels = {
    partnerId: t('funding.who'), purpose: t('funding.purpose'), amount: t('wsEdit.funding.amount'), mode: t('funding.mode'),
    startsOn: t('wsEdit.funding.startsOn'), endsOn: t('wsEdit.funding.endsOn'),
  };
  return (
    <WsForm<FundingLine> title={line ? t('wsEdit.funding.edit', { purpose: line.purpose, org: line.organisationName }) : t('wsEdit.funding.add')} level={4}
      labels={labels} order={['partnerId', 'purpose', 'amount', 'mode', 'startsOn', 'endsOn']} version={line?.version}
      submitLabel={line ? t('wsEdit.save') : t('wsEdit.funding.addSubmit')} onCancel={onCancel} serverField={{ amountPerYearCents: 'amount' }}
      validate={() => only({
        partnerId: line || d.partnerId ? '' : t('fieldError.choose'), purpose: required(t, d.purpose),
        amount: parseEuros(d.amount) === null ? t('wsEdit.funding.amountInvalid') : '', startsOn: d.startsOn ? '' : t('fieldError.date'),
        endsOn: d.endsOn && d.startsOn && d.endsOn < d.startsOn ? t('wsEdit.agreement.endsBeforeStart') : '',
      })}
      mine={() => d} theirs={(c) => init(c)} onUseTheirs={(c) => setD(init(c))}
      send={async (version) => {
        const b = { purpose: d.purpose.trim(), amountPerYearCents: parseEuros(d.amount)!, mode: d.mode, startsOn: d.startsOn };
        if (line) await api.patch(`/api/v1/partnerships/${id}/funding/${line.id}`, { ...b, endsOn: d.endsOn || null }, version);
        else await api.post(`/api/v1/partnerships/${id}/funding`, { ...b, partnerId: d.partnerId, ...(d.endsOn ? { endsOn: d.endsOn } : {}) });
        onSaved(b.purpose);
      }}>
      {(f) => (
        <>
          {!line && (
            <SelectField label={labels.partnerId} name="partnerId" value={d.partnerId} onChange={set('partnerId')} error={f.partnerId} placeholder={t('common.choose')}
              options={partners.map((p) => ({ value: p.id, label: p.organisationName }))} />
          )}
          <TextField label={labels.purpose} name="purpose" value={d.purpose} onChange={set('purpose')} error={f.purpose} required maxLength={200} />
          <TextField label={labels.amount} name="amount" value={d.amount} onChange={set('amount')} error={f.amount} inputMode="numeric" description={t('wsEdit.funding.amountHelp')} required />
          <RadioGroupField label={labels.mode} name="mode" value={d.mode} onChange={set('mode')} error={f.mode} description={t('wsEdit.funding.modeHelp')}
            options={MODES.map((m) => ({ value: m, label: t(`fundingMode.${m}`) }))} />
          <TextField label={labels.startsOn} name="startsOn" type="date" value={d.startsOn} onChange={set('startsOn')} error={f.startsOn} required />
          <TextField label={labels.endsOn} name="endsOn" type="date" value={d.endsOn} onChange={set('endsOn')} error={f.endsOn} />
        </>
      )}
    </WsForm>
  );
}
