/**
 * Agreements (covenants, privacy covenants, OOGO, LEA) with their commitments (comply or
 * explain: a deviation needs an explanation) and the OOGO topic states; then the funding lines.
 * Members with manage_agreements / manage_funding add and change them.
 */
import { useState } from 'react';
import { Heading, Paragraph, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api.ts';
import { SelectField, TextAreaField, TextField } from '../../components/forms.tsx';
import { DataSection } from '../../components/Section.tsx';
import { SuccessAlert } from '../../components/status.tsx';
import { formatDate } from '../../format.ts';
import { useLoad } from '../../hooks.ts';
import { AgreementForm } from './AgreementForm.tsx';
import { FundingSection } from './FundingSection.tsx';
import { local, type Agreement, type AgreementsView, type Commitment, type MapView, type Partner } from './partnership-types.ts';
import { Warnings } from './Warnings.tsx';
import { Disclosure, only, required, WsForm } from './WsForm.tsx';
import { TableScroll } from '../../components/TableScroll.tsx';

const COMMITMENT_STATUSES = ['in_progress', 'done', 'explained_deviation'] as const;
const OOGO_STATES = ['not_started', 'in_discussion', 'agreed', 'under_review'] as const;

export function AgreementsSection({ id }: { id: string }) {
  const { t } = useTranslation();
  const agreements = useLoad((s) => api.get<AgreementsView>(`/api/v1/partnerships/${id}/agreements`, s), [id]);
  const map = useLoad((s) => api.get<MapView>(`/api/v1/partnerships/${id}/map`, s), [id]);
  const partners = map.data?.partners ?? [];
  // The confirmation shows where the user acted (the agreement's card, or by the add button), next to the focus.
  const [done, setDone] = useState<{ text: string; where: string }>({ text: '', where: '' });
  const saved = (text: string, where = '') => { setDone({ text, where }); agreements.reload(); };
  return (
    <>
      <DataSection title={t('agreements.title')} level={3} loaded={agreements} emptyText={t('agreements.none')}>
        {(v) => {
          const canManage = v.allowedActions.includes('manage_agreements');
          return (
            <>
              <Warnings warnings={v.warnings} />
              {v.agreements.length === 0 && <Paragraph>{t('agreements.none')}</Paragraph>}
              {v.agreements.map((a) => <AgreementCard key={a.id} id={id} agreement={a} partners={partners} canManage={canManage}
                notice={done.where.startsWith(`${a.id}:`) ? done.text : ''} noticeAt={done.where.split(':')[1] ?? ''}
                onSaved={(text, part) => saved(text, `${a.id}:${part}`)} />)}
              {done.text && !done.where && <SuccessAlert>{done.text}</SuccessAlert>}
              {canManage && (
                <Disclosure label={t('wsEdit.agreement.add')} appearance="primary-action-button">
                  {(close) => <AgreementForm id={id} partners={partners} onCancel={close} onSaved={(title) => { close(); saved(t('wsEdit.agreement.added', { title })); }} />}
                </Disclosure>
              )}
            </>
          );
        }}
      </DataSection>
      <FundingSection id={id} partners={partners} />
    </>
  );
}

/** The confirmation stands by the button the focus returns to: the agreement's edit, its commitments or its OOGO topics. */
function AgreementCard({ id, agreement: a, partners, canManage, notice, noticeAt, onSaved }: {
  id: string; agreement: Agreement; partners: Partner[]; canManage: boolean; notice: string; noticeAt: string; onSaved: (text: string, part: 'edit' | 'commitment' | 'oogo') => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const here = (part: string) => (notice && noticeAt === part ? <SuccessAlert>{notice}</SuccessAlert> : null);
  return (
    <section aria-labelledby={`agr-${a.id}`} className="rondom-card">
      <Heading level={4} id={`agr-${a.id}`}>{a.title}</Heading>
      <Paragraph>
        {t(`agreementKind.${a.kind}`, { defaultValue: a.kind })} — {t(`agreementStatus.${a.status}`, { defaultValue: a.status })}
        {a.startsOn && <> — {t('agreements.period', { from: formatDate(a.startsOn, lang), to: formatDate(a.endsOn, lang) })}</>}
        {a.reviewOn && <> — {t('agreements.review', { date: formatDate(a.reviewOn, lang) })}</>}
      </Paragraph>
      {a.purpose && <Paragraph>{a.purpose}</Paragraph>}
      <Paragraph className="rondom-hint">{t('agreements.parties', { names: a.parties.map((p) => p.organisationName).join(', ') })}</Paragraph>
      {a.privacy && (
        <dl className="rondom-dl">
          <div><dt>{t('wsEdit.privacy.purposes')}</dt><dd>{a.privacy.purposes.join('; ') || '—'}</dd></div>
          <div><dt>{t('wsEdit.privacy.dataCategories')}</dt><dd>{a.privacy.dataCategories.join('; ') || '—'}</dd></div>
          <div><dt>{t('wsEdit.privacy.legalBasis')}</dt><dd>{a.privacy.legalBasis || '—'}</dd></div>
          <div><dt>{t('wsEdit.privacy.retention')}</dt><dd>{a.privacy.retention || '—'}</dd></div>
          <div>
            <dt>{t('wsEdit.privacy.roles')}</dt>
            <dd>{a.privacy.roles.map((r) => `${a.parties.find((p) => p.partnerId === r.partnerId)?.organisationName ?? ''}: ${t(`wsEdit.avgRole.${r.role}`, { defaultValue: r.role })}`).join('; ') || '—'}</dd>
          </div>
        </dl>
      )}
      <Warnings warnings={a.warnings} />
      {here('edit')}
      {canManage && (
        <Disclosure label={t('wsEdit.agreement.edit', { title: a.title })}>
          {(close) => <AgreementForm id={id} agreement={a} partners={partners} onCancel={close} onSaved={(title) => { close(); onSaved(t('wsEdit.agreement.saved', { title }), 'edit'); }} />}
        </Disclosure>
      )}
      <Heading level={5}>{t('agreements.commitments')}</Heading>
      {a.commitments.length === 0 ? <Paragraph>{t('wsEdit.commitment.none')}</Paragraph> : (
        <UnorderedList className="rondom-list">
          {a.commitments.map((c) => (
            <UnorderedListItem key={c.id}>
              {c.organisationName}: {c.description}{c.untilOn ? ` (${t('agreements.until', { date: formatDate(c.untilOn, lang) })})` : ''} — {t(`commitmentStatus.${c.status}`, { defaultValue: c.status })}
              {c.explanation ? `: ${c.explanation}` : ''}
              {canManage && (
                <Disclosure label={t('wsEdit.commitment.update', { what: c.description })} appearance="subtle-button">
                  {(close) => <CommitmentStatusForm id={id} commitment={c} onCancel={close} onSaved={() => { close(); onSaved(t('wsEdit.commitment.saved'), 'commitment'); }} />}
                </Disclosure>
              )}
            </UnorderedListItem>
          ))}
        </UnorderedList>
      )}
      {canManage && (
        <Disclosure label={t('wsEdit.commitment.add', { title: a.title })}>
          {(close) => <CommitmentForm id={id} agreement={a} partners={partners} onCancel={close} onSaved={() => { close(); onSaved(t('wsEdit.commitment.added'), 'commitment'); }} />}
        </Disclosure>
      )}
      {here('commitment')}
      {a.oogoTopics.length > 0 && (
        <>
          <TableScroll label={t('agreements.oogoTopics')}>
            <Table>
              <caption className="rondom-caption">{t('agreements.oogoTopics')}</caption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{t('agreements.topic')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('agreements.state')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('agreements.summary')}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {a.oogoTopics.map((o) => (
                  <TableRow key={o.itemId}>
                    <TableHeaderCell scope="row">{local(lang, o.textNl, o.textEn)}</TableHeaderCell>
                    <TableCell>{t(`oogoState.${o.state}`, { defaultValue: o.state })}</TableCell>
                    <TableCell>{o.summary ?? '—'}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableScroll>
          {canManage && (
            <Disclosure label={t('wsEdit.oogo.update')}>
              {(close) => <OogoTopicForm id={id} agreement={a} onCancel={close} onSaved={(topic) => { close(); onSaved(t('wsEdit.oogo.saved', { topic }), 'oogo'); }} />}
            </Disclosure>
          )}
        </>
      )}
      {here('oogo')}
    </section>
  );
}

function CommitmentForm({ id, agreement, partners, onSaved, onCancel }: { id: string; agreement: Agreement; partners: Partner[]; onSaved: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const [partnerId, setPartnerId] = useState('');
  const [description, setDescription] = useState('');
  const [untilOn, setUntilOn] = useState('');
  const labels = { partnerId: t('wsEdit.commitment.who'), description: t('wsEdit.commitment.what'), untilOn: t('wsEdit.commitment.until') };
  // Who commits: a party of the agreement (or any partner when the parties are not loaded yet).
  const options = (agreement.parties.length ? agreement.parties : partners.map((p) => ({ partnerId: p.id, organisationName: p.organisationName })))
    .map((p) => ({ value: p.partnerId, label: p.organisationName }));
  return (
    <WsForm title={t('wsEdit.commitment.add', { title: agreement.title })} level={6} labels={labels} order={['partnerId', 'description', 'untilOn']}
      submitLabel={t('wsEdit.commitment.addSubmit')} onCancel={onCancel}
      validate={() => only({ partnerId: partnerId ? '' : t('fieldError.choose'), description: required(t, description) })}
      send={async () => {
        await api.post(`/api/v1/partnerships/${id}/agreements/${agreement.id}/commitments`, { partnerId, description: description.trim(), ...(untilOn ? { untilOn } : {}) });
        onSaved();
      }}>
      {(f) => (
        <>
          <SelectField label={labels.partnerId} name="partnerId" value={partnerId} onChange={setPartnerId} error={f.partnerId} placeholder={t('common.choose')} options={options} />
          <TextAreaField label={labels.description} name="description" value={description} onChange={setDescription} error={f.description} rows={2} maxLength={2000}
            description={t('wsEdit.commitment.whatHelp')} />
          <TextField label={labels.untilOn} name="untilOn" type="date" value={untilOn} onChange={setUntilOn} error={f.untilOn} />
        </>
      )}
    </WsForm>
  );
}

/** Comply or explain: the status of a commitment; "done differently" needs an explanation. */
function CommitmentStatusForm({ id, commitment: c, onSaved, onCancel }: { id: string; commitment: Commitment; onSaved: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState(c.status);
  const [explanation, setExplanation] = useState(c.explanation ?? '');
  const labels = { status: t('wsEdit.commitment.status'), explanation: t('wsEdit.commitment.explanation') };
  return (
    <WsForm<Commitment> title={t('wsEdit.commitment.update', { what: c.description })} level={6} labels={labels} order={['status', 'explanation']}
      submitLabel={t('wsEdit.save')} onCancel={onCancel} version={c.version}
      validate={() => only({ explanation: status === 'explained_deviation' && !explanation.trim() ? t('wsEdit.commitment.explainRequired') : '' })}
      mine={() => ({ status: t(`commitmentStatus.${status}`), explanation })} theirs={(x) => ({ status: t(`commitmentStatus.${x.status}`), explanation: x.explanation ?? '' })}
      onUseTheirs={(x) => { setStatus(x.status); setExplanation(x.explanation ?? ''); }}
      send={async (version) => {
        await api.patch(`/api/v1/partnerships/${id}/commitments/${c.id}`, { status, explanation: explanation.trim() || null }, version);
        onSaved();
      }}>
      {(f) => (
        <>
          <SelectField label={labels.status} name="status" value={status} onChange={setStatus} error={f.status}
            options={COMMITMENT_STATUSES.map((s) => ({ value: s, label: t(`commitmentStatus.${s}`) }))} />
          <TextAreaField label={labels.explanation} name="explanation" value={explanation} onChange={setExplanation} error={f.explanation} rows={2} maxLength={2000}
            description={t('wsEdit.commitment.explanationHelp')} />
        </>
      )}
    </WsForm>
  );
}

type Topic = Agreement['oogoTopics'][number];

/** The state of the OOGO agreement on one topic, with a short summary of what was agreed. */
function OogoTopicForm({ id, agreement, onSaved, onCancel }: { id: string; agreement: Agreement; onSaved: (topic: string) => void; onCancel: () => void }) {
  const { t, i18n } = useTranslation();
  const [itemId, setItemId] = useState('');
  const [state, setState] = useState('');
  const [summary, setSummary] = useState('');
  const topic = agreement.oogoTopics.find((o) => o.itemId === itemId);
  const name = (o?: Topic) => (o ? local(i18n.language, o.textNl, o.textEn) : '');
  const choose = (v: string) => {
    setItemId(v);
    const o = agreement.oogoTopics.find((x) => x.itemId === v);
    setState(o?.state ?? '');
    setSummary(o?.summary ?? '');
  };
  const labels = { itemId: t('agreements.topic'), state: t('agreements.state'), summary: t('agreements.summary') };
  return (
    <WsForm<Topic> title={t('wsEdit.oogo.title')} level={6} labels={labels} order={['itemId', 'state', 'summary']}
      submitLabel={t('wsEdit.save')} onCancel={onCancel} version={topic?.version}
      validate={() => only({ itemId: itemId ? '' : t('fieldError.choose'), state: state ? '' : t('fieldError.choose') })}
      mine={() => ({ state: state ? t(`oogoState.${state}`) : '', summary })} theirs={(x) => ({ state: t(`oogoState.${x.state}`), summary: x.summary ?? '' })}
      onUseTheirs={(x) => { setState(x.state); setSummary(x.summary ?? ''); }}
      send={async (version) => {
        await api.patch(`/api/v1/partnerships/${id}/agreements/${agreement.id}/oogo-topics/${itemId}`, { state, summary: summary.trim() || null }, version);
        onSaved(name(topic));
      }}>
      {(f) => (
        <>
          <SelectField label={labels.itemId} name="itemId" value={itemId} onChange={choose} error={f.itemId} placeholder={t('common.choose')}
            options={agreement.oogoTopics.map((o) => ({ value: o.itemId, label: name(o) }))} />
          <SelectField label={labels.state} name="state" value={state} onChange={setState} error={f.state} placeholder={t('common.choose')}
            options={OOGO_STATES.map((s) => ({ value: s, label: t(`oogoState.${s}`) }))} />
          <TextAreaField label={labels.summary} name="summary" value={summary} onChange={setSummary} error={f.summary} rows={3} maxLength={4000}
            description={t('wsEdit.oogo.summaryHelp')} />
        </>
      )}
    </WsForm>
  );
}
