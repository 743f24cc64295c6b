/**
 * The privacy officer's screen (functionaris gegevensbescherming), from GET /api/v1/privacy/overview:
 * legal bases awaiting review, emergency accesses (review, lift a block), join requests nobody
 * decided, unusual access, and the NEN 7513 access report per professional (AccessReportSection).
 * The officer sees who did what to which child's file, never the case content. Each item is a card
 * with a list of facts, so nothing breaks mid-word on a phone.
 */
import { Fragment, useState, type ReactNode } from 'react';
import { Button, ButtonGroup, Heading, Paragraph, StatusBadge, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { api, isApiError } from '../../api.ts';
import { RadioGroupField, TextAreaField } from '../../components/forms.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { DataSection } from '../../components/Section.tsx';
import { ErrorAlert, InfoAlert, SuccessAlert } from '../../components/status.tsx';
import { formatDate, formatDateTime } from '../../format.ts';
import { useLoad } from '../../hooks.ts';
import { AccessReportSection } from './AccessReportSection.tsx';
import type { PrivacyOverview } from './privacy-types.ts';

type Basis = PrivacyOverview['legalBases'][number];
type Grant = PrivacyOverview['breakGlass'][number];

/** A definition list of facts about one item. */
export function Facts({ items }: { items: [string, ReactNode][] }) {
  return (
    <dl className="rondom-facts">
      {items.map(([k, v]) => (
        <Fragment key={k}>
          <dt>{k}</dt>
          <dd>{v}</dd>
        </Fragment>
      ))}
    </dl>
  );
}

export function PrivacyPage() {
  const { t } = useTranslation();
  const overview = useLoad((s) => api.get<PrivacyOverview>('/api/v1/privacy/overview', s), []);
  const [message, setMessage] = useState('');
  const [notice, setNotice] = useState('');
  const done = (text: string) => { setNotice(''); setMessage(text); overview.reload(); };
  const taken = () => { setMessage(''); setNotice(t('privacy.alreadyReviewed')); overview.reload(); };
  return (
    <>
      <PageTitle>{t('privacy.title')}</PageTitle>
      <Paragraph>{t('privacy.intro')}</Paragraph>
      {message && <SuccessAlert>{message}</SuccessAlert>}
      {notice && <InfoAlert>{notice}</InfoAlert>}
      <DataSection title={t('privacy.basesTitle')} loaded={overview} empty={(d) => d.legalBases.length === 0} emptyText={t('privacy.noBases')}>
        {(d) => (
          <UnorderedList className="rondom-review-list">
            {d.legalBases.map((b) => <BasisReview key={b.id} b={b} onDone={done} onTaken={taken} />)}
          </UnorderedList>
        )}
      </DataSection>
      <DataSection title={t('privacy.grantsTitle')} loaded={overview} empty={(d) => d.breakGlass.length === 0} emptyText={t('privacy.noGrants')}>
        {(d) => (
          <UnorderedList className="rondom-review-list">
            {d.breakGlass.map((g) => <GrantReview key={g.id} g={g} onDone={done} onTaken={taken} />)}
          </UnorderedList>
        )}
      </DataSection>
      <DataSection title={t('privacy.joinTitle')} loaded={overview} empty={(d) => d.joinRequests.length === 0} emptyText={t('privacy.noJoin')}>
        {(d) => <StaleJoinRequests items={d.joinRequests} />}
      </DataSection>
      <DataSection title={t('privacy.unusualTitle')} loaded={overview} emptyText="">
        {(d) => <Unusual unusual={d.unusual} />}
      </DataSection>
      <DataSection title={t('privacy.reportTitle')} loaded={overview} emptyText="">
        {(d) => <AccessReportSection professionals={d.professionals} />}
      </DataSection>
    </>
  );
}

function BasisReview({ b, onDone, onTaken }: { b: Basis; onDone: (text: string) => void; onTaken: () => void }) {
  const { t, i18n } = useTranslation();
  const [note, setNote] = useState('');
  const [endangeringOutcome, setEndangeringOutcome] = useState('');
  const [fields, setFields] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const review = async (outcome: 'confirmed' | 'rejected') => {
    const f: Record<string, string> = {};
    if (note.trim().length < 3) f.note = t('privacy.noteRequired');
    if (b.endangering && !endangeringOutcome) f.endangeringOutcome = t('privacy.endangeringRequired');
    setFields(f);
    if (Object.keys(f).length) return;
    setBusy(true);
    setError(null);
    try {
      await api.post(`/api/v1/legal-bases/${b.id}/review`, { outcome, note: note.trim(), ...(b.endangering ? { endangeringOutcome } : {}) });
      onDone(t(`privacy.basis_${outcome}`, { child: b.childName }));
    } catch (err) {
      if (isApiError(err) && err.status === 409) onTaken();
      else setError(err);
    } finally {
      setBusy(false);
    }
  };
  const id = `basis-${b.id}`;
  return (
    <UnorderedListItem>
      <section aria-labelledby={id} className="rondom-card">
        <Heading level={3} id={id}>{t('privacy.basisHeading', { kind: t(`legalBasis.${b.kind}`, { defaultValue: b.kind }), child: b.childName })}</Heading>
        <Facts items={[
          [t('privacy.organisation'), b.organisationName],
          [t('privacy.recordedBy'), t('privacy.byAt', { name: b.recordedBy, at: formatDateTime(b.recordedAt, i18n.language) })],
          [t('privacy.justification'), b.justification],
          [t('privacy.provisionalUntil'), b.provisionalUntil ? formatDateTime(b.provisionalUntil, i18n.language) : t('privacy.notProvisional')],
          [t('privacy.endangering'), b.endangering ? t('privacy.endangeringYes', { reason: b.endangeringReason ?? '' }) : t('privacy.no')],
        ]} />
        {error !== null && <ErrorAlert error={error} prefix={t('common.notSaved')} />}
        <TextAreaField label={t('privacy.note')} name={`note-${b.id}`} value={note} onChange={setNote} error={fields.note} rows={2} maxLength={2000} required />
        {b.endangering && (
          <RadioGroupField
            label={t('privacy.endangeringQuestion')} name={`endangering-${b.id}`} value={endangeringOutcome} onChange={setEndangeringOutcome}
            error={fields.endangeringOutcome} required
            options={[{ value: 'confirmed', label: t('privacy.endangeringConfirmed') }, { value: 'rejected', label: t('privacy.endangeringRejected') }]}
          />
        )}
        <ButtonGroup>
          <Button appearance="primary-action-button" busy={busy} disabled={busy} onClick={() => void review('confirmed')}>{t('privacy.confirm')}</Button>
          <Button appearance="secondary-action-button" hint="danger" disabled={busy} onClick={() => void review('rejected')}>{t('privacy.reject')}</Button>
        </ButtonGroup>
      </section>
    </UnorderedListItem>
  );
}

function GrantReview({ g, onDone, onTaken }: { g: Grant; onDone: (text: string) => void; onTaken: () => void }) {
  const { t, i18n } = useTranslation();
  const [note, setNote] = useState('');
  const [fields, setFields] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (err) {
      if (isApiError(err) && (err.status === 409 || err.status === 404)) onTaken();
      else setError(err);
    } finally {
      setBusy(false);
    }
  };
  const review = (outcome: 'justified' | 'unjustified') => run(async () => {
    await api.post(`/api/v1/privacy/break-glass/${g.id}/review`, { outcome, ...(note.trim() ? { note: note.trim() } : {}) });
    onDone(t(`privacy.grant_${outcome}`, { who: g.who, child: g.childName }));
  });
  const lift = async () => {
    if (note.trim().length < 3) { setFields({ note: t('privacy.noteRequired') }); return; }
    setFields({});
    await run(async () => {
      await api.post(`/api/v1/privacy/break-glass/${g.id}/lift-block`, { note: note.trim() });
      onDone(t('privacy.blockLifted', { who: g.who, child: g.childName }));
    });
  };
  const id = `grant-${g.id}`;
  const reviewed = g.reviewOutcome !== null;
  return (
    <UnorderedListItem>
      <section aria-labelledby={id} className="rondom-card">
        <Heading level={3} id={id}>{t('privacy.grantHeading', { who: g.who, child: g.childName })}</Heading>
        <Paragraph>
          {g.active ? <StatusBadge status="warning">{t('privacy.active')}</StatusBadge> : <StatusBadge status="inactive">{t('privacy.ended')}</StatusBadge>}
          {g.blocked && <> <StatusBadge status="danger">{t('privacy.blocked')}</StatusBadge></>}
          {g.frequentUser && <> <StatusBadge status="danger">{t('privacy.frequent')}</StatusBadge></>}
        </Paragraph>
        <Facts items={[
          [t('privacy.organisation'), g.organisationName],
          [t('privacy.emergencyKind'), t(`emergency.${g.emergency}`, { defaultValue: g.emergency })],
          [t('privacy.reason'), g.reason],
          [t('privacy.period'), t('privacy.fromTo', { from: formatDateTime(g.startedAt, i18n.language), to: formatDateTime(g.endsAt, i18n.language) })],
          [t('privacy.review'), reviewed ? t(`privacy.reviewed_${g.reviewOutcome}`, { defaultValue: g.reviewOutcome ?? '', by: g.reviewer ?? '—' }) : g.awaitsMe ? t('privacy.awaitsMe') : t('privacy.awaitsLead')],
          [t('privacy.familyTold'), g.familyEndangered ? t('privacy.familyNotTold') : t('privacy.familyWasTold')],
        ]} />
        {error !== null && <ErrorAlert error={error} prefix={t('common.notSaved')} />}
        {(!reviewed || g.blocked) && (
          <TextAreaField
            label={g.blocked ? t('privacy.liftNote') : t('privacy.reviewNote')} name={`grant-note-${g.id}`} value={note} onChange={setNote}
            error={fields.note} rows={2} maxLength={2000} required={g.blocked}
          />
        )}
        {!reviewed && (
          <ButtonGroup>
            <Button appearance="secondary-action-button" busy={busy} disabled={busy} onClick={() => void review('justified')}>{t('privacy.justified')}</Button>
            <Button appearance="secondary-action-button" hint="danger" disabled={busy} onClick={() => void review('unjustified')}>{t('privacy.unjustified')}</Button>
          </ButtonGroup>
        )}
        {g.blocked && <Button appearance="secondary-action-button" busy={busy} disabled={busy} onClick={() => void lift()}>{t('privacy.liftBlock')}</Button>}
      </section>
    </UnorderedListItem>
  );
}

function StaleJoinRequests({ items }: { items: PrivacyOverview['joinRequests'] }) {
  const { t, i18n } = useTranslation();
  return (
    <UnorderedList className="rondom-list">
      {items.map((j) => (
        <UnorderedListItem key={j.id}>
          {t('privacy.joinLine', { who: j.who, org: j.organisationName, child: j.childName, date: formatDate(j.createdAt, i18n.language) })}{' '}
          {j.hasLead ? t('privacy.joinLead') : t('privacy.joinNoLead')}
        </UnorderedListItem>
      ))}
    </UnorderedList>
  );
}

function Unusual({ unusual }: { unusual: PrivacyOverview['unusual'] }) {
  const { t, i18n } = useTranslation();
  return (
    <>
      <Heading level={3}>{t('privacy.manyChildren')}</Heading>
      {unusual.manyChildren.length === 0 ? <Paragraph>{t('privacy.noneFound')}</Paragraph> : (
        <UnorderedList className="rondom-list">
          {unusual.manyChildren.map((m) => (
            <UnorderedListItem key={`${m.userId}-${m.day}`}>{t('privacy.manyLine', { who: m.who, count: m.children, date: formatDate(m.day, i18n.language) })}</UnorderedListItem>
          ))}
        </UnorderedList>
      )}
      <Heading level={3}>{t('privacy.offHours')}</Heading>
      {unusual.offHours.length === 0 ? <Paragraph>{t('privacy.noneFound')}</Paragraph> : (
        <UnorderedList className="rondom-list">
          {unusual.offHours.map((o) => (
            <UnorderedListItem key={o.userId}>
              {t('privacy.offHoursLine', { who: o.who, events: o.events, count: o.children, last: formatDateTime(o.lastAt, i18n.language) })}
            </UnorderedListItem>
          ))}
        </UnorderedList>
      )}
    </>
  );
}
