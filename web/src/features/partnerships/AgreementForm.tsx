/**
 * Records an agreement or changes one: kind, title, purpose, status, period and review date,
 * the parties, and for a privacy covenant its AVG particulars (purposes, data categories, legal
 * basis, retention and each party's role). Updates send If-Match; a 409 shows what changed.
 */
import { useState } from 'react';
import { Fieldset, FieldsetLegend } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api.ts';
import { CheckboxField, SelectField, TextAreaField, TextField } from '../../components/forms.tsx';
import type { Agreement, Partner, Privacy } from './partnership-types.ts';
import { lines, only, required, WsForm } from './WsForm.tsx';

export const AGREEMENT_KINDS = ['covenant', 'cooperation', 'privacy_covenant', 'oogo', 'lea'] as const;
const STATUSES = ['draft', 'active', 'ended'] as const;
const AVG_ROLES = ['controller', 'joint_controller', 'processor', 'recipient'] as const;

interface Draft {
  kind: string; title: string; purpose: string; status: string; startsOn: string; endsOn: string; reviewOn: string;
  partnerIds: string[]; purposes: string; dataCategories: string; legalBasis: string; retention: string; roles: Record<string, string>;
}

function init(a?: Agreement): Draft {
  const p = a?.privacy;
  return {
    kind: a?.kind ?? '', title: a?.title ?? '', purpose: a?.purpose ?? '', status: a?.status ?? 'draft',
    startsOn: a?.startsOn ?? '', endsOn: a?.endsOn ?? '', reviewOn: a?.reviewOn ?? '', partnerIds: a?.parties.map((x) => x.partnerId) ?? [],
    purposes: p?.purposes.join('\n') ?? '', dataCategories: p?.dataCategories.join('\n') ?? '', legalBasis: p?.legalBasis ?? '', retention: p?.retention ?? '',
    roles: Object.fromEntries((p?.roles ?? []).map((r) => [r.partnerId, r.role])),
  };
}

export function AgreementForm({ id, agreement, partners, onSaved, onCancel }: {
  id: string; agreement?: Agreement; partners: Partner[]; onSaved: (title: string) => void; onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [d, setD] = useState<Draft>(init(agreement));
  const set = <K extends keyof Draft>(k: K) => (v: Draft[K]) => setD((x) => ({ ...x, [k]: v }));
  const privacy = d.kind === 'privacy_covenant';
  const labels: Record<string, string> = {
    kind: t('wsEdit.agreement.kind'), title: t('wsEdit.agreement.title'), purpose: t('wsEdit.agreement.purpose'), status: t('wsEdit.agreement.status'),
    startsOn: t('wsEdit.agreement.startsOn'), endsOn: t('wsEdit.agreement.endsOn'), reviewOn: t('wsEdit.agreement.reviewOn'), partnerIds: t('wsEdit.agreement.parties'),
    purposes: t('wsEdit.privacy.purposes'), dataCategories: t('wsEdit.privacy.dataCategories'), legalBasis: t('wsEdit.privacy.legalBasis'),
    retention: t('wsEdit.privacy.retention'), roles: t('wsEdit.privacy.roles'),
  };
  const order = ['kind', 'title', 'purpose', 'status', 'startsOn', 'endsOn', 'reviewOn', 'partnerIds', 'purposes', 'dataCategories', 'legalBasis', 'retention', 'roles'];
  // A group of options has no control of its own: the summary's link and the focus go to its first option.
  const firstRole = partners.find((p) => d.partnerIds.includes(p.id) && !d.roles[p.id]);
  const groups = { partnerIds: partners[0] ? `party-${partners[0].id}` : 'partnerIds', roles: firstRole ? `role-${firstRole.id}` : 'roles' };

  const validate = () => only({
    kind: d.kind ? '' : t('fieldError.choose'),
    title: required(t, d.title),
    endsOn: d.startsOn && d.endsOn && d.endsOn < d.startsOn ? t('wsEdit.agreement.endsBeforeStart') : '',
    partnerIds: d.partnerIds.length ? '' : t('wsEdit.agreement.partiesRequired'),
    ...(privacy ? {
      purposes: lines(d.purposes).length ? '' : t('wsEdit.privacy.listRequired'),
      dataCategories: lines(d.dataCategories).length ? '' : t('wsEdit.privacy.listRequired'),
      legalBasis: required(t, d.legalBasis),
      retention: required(t, d.retention),
      roles: d.partnerIds.every((p) => d.roles[p]) ? '' : t('wsEdit.privacy.rolesRequired'),
    } : {}),
  });

  const send = async (version: number | undefined) => {
    const privacyBody: Privacy | undefined = privacy ? {
      purposes: lines(d.purposes), dataCategories: lines(d.dataCategories), legalBasis: d.legalBasis.trim(), retention: d.retention.trim(),
      roles: d.partnerIds.map((p) => ({ partnerId: p, role: d.roles[p] as Privacy['roles'][number]['role'] })),
    } : undefined;
    if (agreement) {
      await api.patch(`/api/v1/partnerships/${id}/agreements/${agreement.id}`, {
        title: d.title.trim(), purpose: d.purpose.trim() || null, status: d.status, startsOn: d.startsOn || null, endsOn: d.endsOn || null,
        reviewOn: d.reviewOn || null, partnerIds: d.partnerIds, ...(privacyBody ? { privacy: privacyBody } : {}),
      }, version);
    } else {
      await api.post(`/api/v1/partnerships/${id}/agreements`, {
        kind: d.kind, title: d.title.trim(), status: d.status, partnerIds: d.partnerIds,
        ...(d.purpose.trim() ? { purpose: d.purpose.trim() } : {}), ...(d.startsOn ? { startsOn: d.startsOn } : {}),
        ...(d.endsOn ? { endsOn: d.endsOn } : {}), ...(d.reviewOn ? { reviewOn: d.reviewOn } : {}), ...(privacyBody ? { privacy: privacyBody } : {}),
      });
    }
    onSaved(d.title.trim());
  };

  const shown = (x: Draft) => ({ ...x, partnerIds: partners.filter((p) => x.partnerIds.includes(p.id)).map((p) => p.organisationName), roles: Object.values(x.roles).join(', ') });
  return (
    <WsForm<Agreement> title={agreement ? t('wsEdit.agreement.editTitle', { title: agreement.title }) : t('wsEdit.agreement.addTitle')} level={agreement ? 5 : 4}
      labels={labels} order={order} validate={validate} send={send} version={agreement?.version}
      submitLabel={agreement ? t('wsEdit.save') : t('wsEdit.agreement.addSubmit')} onCancel={onCancel}
      mine={() => shown(d)} theirs={(c) => shown(init(c))} onUseTheirs={(c) => setD(init(c))}
      serverField={{ 'privacy.roles': 'roles', privacy: 'purposes' }} groups={groups}>
      {(f) => (
        <>
          {agreement ? null : (
            <SelectField label={labels.kind} name="kind" value={d.kind} onChange={set('kind')} error={f.kind} placeholder={t('common.choose')}
              options={AGREEMENT_KINDS.map((k) => ({ value: k, label: t(`agreementKind.${k}`) }))} description={t('wsEdit.agreement.kindHelp')} />
          )}
          <TextField label={labels.title} name="title" value={d.title} onChange={set('title')} error={f.title} required maxLength={200} />
          <TextAreaField label={labels.purpose} name="purpose" value={d.purpose} onChange={set('purpose')} error={f.purpose} rows={3} maxLength={4000} />
          <SelectField label={labels.status} name="status" value={d.status} onChange={set('status')} error={f.status}
            options={STATUSES.map((s) => ({ value: s, label: t(`agreementStatus.${s}`) }))} />
          <TextField label={labels.startsOn} name="startsOn" type="date" value={d.startsOn} onChange={set('startsOn')} error={f.startsOn} />
          <TextField label={labels.endsOn} name="endsOn" type="date" value={d.endsOn} onChange={set('endsOn')} error={f.endsOn} />
          <TextField label={labels.reviewOn} name="reviewOn" type="date" value={d.reviewOn} onChange={set('reviewOn')} error={f.reviewOn} description={t('wsEdit.agreement.reviewHelp')} />
          <Fieldset invalid={Boolean(f.partnerIds)}>
            <FieldsetLegend>{labels.partnerIds}</FieldsetLegend>
            {f.partnerIds && <p className="utrecht-form-field-error-message">{f.partnerIds}</p>}
            {partners.map((p) => (
              <CheckboxField key={p.id} name={`party-${p.id}`} label={p.organisationName} checked={d.partnerIds.includes(p.id)}
                onChange={(on) => set('partnerIds')(on ? [...d.partnerIds, p.id] : d.partnerIds.filter((x) => x !== p.id))} />
            ))}
          </Fieldset>
          {privacy && (
            <Fieldset>
              <FieldsetLegend>{t('wsEdit.privacy.legend')}</FieldsetLegend>
              <TextAreaField label={labels.purposes} name="purposes" value={d.purposes} onChange={set('purposes')} error={f.purposes} rows={3} description={t('wsEdit.onePerLine')} />
              <TextAreaField label={labels.dataCategories} name="dataCategories" value={d.dataCategories} onChange={set('dataCategories')} error={f.dataCategories} rows={3} description={t('wsEdit.onePerLine')} />
              <TextAreaField label={labels.legalBasis} name="legalBasis" value={d.legalBasis} onChange={set('legalBasis')} error={f.legalBasis} rows={2} maxLength={1000} description={t('wsEdit.privacy.legalBasisHelp')} />
              <TextAreaField label={labels.retention} name="retention" value={d.retention} onChange={set('retention')} error={f.retention} rows={2} maxLength={1000} description={t('wsEdit.privacy.retentionHelp')} />
              <Fieldset invalid={Boolean(f.roles)}>
                <FieldsetLegend>{labels.roles}</FieldsetLegend>
                {f.roles && <p className="utrecht-form-field-error-message">{f.roles}</p>}
                {d.partnerIds.length === 0 && <p className="rondom-hint">{t('wsEdit.privacy.rolesFirst')}</p>}
                {partners.filter((p) => d.partnerIds.includes(p.id)).map((p) => (
                  <SelectField key={p.id} label={t('wsEdit.privacy.roleOf', { org: p.organisationName })} name={`role-${p.id}`} value={d.roles[p.id] ?? ''}
                    onChange={(v) => set('roles')({ ...d.roles, [p.id]: v })} placeholder={t('common.choose')}
                    options={AVG_ROLES.map((r) => ({ value: r, label: t(`wsEdit.avgRole.${r}`) }))} />
                ))}
              </Fieldset>
            </Fieldset>
          )}
        </>
      )}
    </WsForm>
  );
}
