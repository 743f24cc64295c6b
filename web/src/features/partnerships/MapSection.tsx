/**
 * The partner map ("wie is wie"): partners in the inner and outer ring, their people with
 * e-mail and phone as links, portfolios with responsibilities, mandate and deputy. Members
 * with manage_partners add and change all of it; a partner that is not in Rondom yet is added
 * by type and name (add_organisation).
 */
import { useState, type FormEvent } from 'react';
import { Button, Heading, Link, Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { api, query } from '../../api.ts';
import { CheckboxField, RadioGroupField, SelectField, TextAreaField, TextField } from '../../components/forms.tsx';
import { DataSection } from '../../components/Section.tsx';
import { SuccessAlert } from '../../components/status.tsx';
import { useLoad } from '../../hooks.ts';
import { PARTNER_ONLY_TYPES } from '../../types.ts';
import { type MapView, type Partner, type Person, type Portfolio } from './partnership-types.ts';
import { Warnings } from './Warnings.tsx';
import { Disclosure, only, required, WsForm } from './WsForm.tsx';

const RINGS = ['inner', 'outer'] as const;

export function MapSection({ id }: { id: string }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [applied, setApplied] = useState('');
  // The confirmation shows where the user acted (the partner's card, or by the add button), next to the focus.
  const [done, setDone] = useState<{ text: string; where: string }>({ text: '', where: '' });
  const map = useLoad((s) => api.get<MapView>(`/api/v1/partnerships/${id}/map${query({ q: applied })}`, s), [id, applied]);
  const search = (e: FormEvent) => { e.preventDefault(); setApplied(q.trim()); };
  const saved = (text: string, where = '') => { setDone({ text, where }); map.reload(); };
  const canManage = map.data?.allowedActions.includes('manage_partners') ?? false;
  const everyone = (map.data?.partners ?? []).flatMap((p) => (p.people ?? []).map((x) => ({ ...x, organisationName: p.organisationName })));
  return (
    <>
      <form role="search" onSubmit={search} className="rondom-form rondom-form--inline" noValidate>
        <TextField label={t('partnerMap.search')} name="q" type="search" value={q} onChange={setQ} description={t('partnerMap.searchHelp')} />
        <Button type="submit" appearance="primary-action-button">{t('search.submit')}</Button>
      </form>
      <DataSection title={applied ? t('partnerMap.resultsFor', { q: applied }) : t('partnerMap.title')} level={3} loaded={map} empty={(d) => d.partners.length === 0 && !canManage} emptyText={t('partnerMap.nothing')}>
        {(m) => (
          <>
            <Warnings warnings={m.warnings} />
            {RINGS.map((ring) => {
              const partners = m.partners.filter((p) => p.ring === ring);
              if (partners.length === 0) return null;
              return (
                <section key={ring} aria-labelledby={`ring-${ring}`} className="rondom-section">
                  <Heading level={4} id={`ring-${ring}`}>{t(`partnerMap.ring.${ring}`)}</Heading>
                  {partners.map((p) => <PartnerCard key={p.id} id={id} partner={p} everyone={everyone} canManage={canManage}
                    notice={done.where === p.id ? done.text : ''} onSaved={(text) => saved(text, p.id)} />)}
                </section>
              );
            })}
            {done.text && !done.where && <SuccessAlert>{done.text}</SuccessAlert>}
            {canManage && (
              <Disclosure label={t('wsEdit.partner.add')} appearance="primary-action-button">
                {(close) => (
                  <AddPartnerForm id={id} partners={m.partners} canAddOrganisation={m.allowedActions.includes('add_organisation')}
                    onCancel={close} onSaved={(name) => { close(); saved(t('wsEdit.partner.added', { name })); }} />
                )}
              </Disclosure>
            )}
          </>
        )}
      </DataSection>
    </>
  );
}

type Someone = Person & { organisationName: string };

function PartnerCard({ id, partner: p, everyone, canManage, notice, onSaved }: {
  id: string; partner: Partner; everyone: Someone[]; canManage: boolean; notice: string; onSaved: (text: string) => void;
}) {
  const { t } = useTranslation();
  const people = p.people ?? [];
  // One button per partner opens its editing; the map itself stays a short read.
  const [managing, setManaging] = useState(false);
  const edit = canManage && managing;
  return (
    <section aria-labelledby={`partner-${p.id}`} className="rondom-card">
      <Heading level={5} id={`partner-${p.id}`}>{p.organisationName}</Heading>
      <Paragraph className="rondom-hint">{t(`orgType.${p.organisationType}`, { defaultValue: p.organisationType })}{p.roleDescription ? ` — ${p.roleDescription}` : ''}</Paragraph>
      {people.length === 0 ? <Paragraph>{t('partnerMap.noPeople')}</Paragraph> : (
        <UnorderedList className="rondom-list">
          {people.map((person) => (
            <UnorderedListItem key={person.id}>
              <PersonItem id={id} person={person} everyone={everyone} canManage={edit} onSaved={onSaved} />
            </UnorderedListItem>
          ))}
        </UnorderedList>
      )}
      {notice && <SuccessAlert>{notice}</SuccessAlert>}
      {canManage && (
        <Button appearance="secondary-action-button" aria-expanded={managing} onClick={() => setManaging((x) => !x)}>
          {managing ? t('wsEdit.partner.manageDone', { org: p.organisationName }) : t('wsEdit.partner.manage', { org: p.organisationName })}
        </Button>
      )}
      {edit && (
        <div className="rondom-buttons">
          <Disclosure label={t('wsEdit.person.addTo', { org: p.organisationName })}>
            {(close) => <PersonForm id={id} partner={p} onCancel={close} onSaved={(name) => { close(); onSaved(t('wsEdit.person.added', { name })); }} />}
          </Disclosure>
          <Disclosure label={t('wsEdit.partner.edit', { org: p.organisationName })}>
            {(close) => <PartnerEditForm id={id} partner={p} onCancel={close} onSaved={() => { close(); onSaved(t('wsEdit.partner.saved', { name: p.organisationName })); }} />}
          </Disclosure>
        </div>
      )}
    </section>
  );
}

function PersonItem({ id, person, everyone, canManage, onSaved }: { id: string; person: Person; everyone: Someone[]; canManage: boolean; onSaved: (text: string) => void }) {
  const { t } = useTranslation();
  return (
    <>
      <strong>{person.name}</strong>{person.roleTitle ? `, ${person.roleTitle}` : ''}
      {(person.email || person.phone) && (
        <>
          {' — '}
          {person.email && <Link href={`mailto:${person.email}`}>{person.email}</Link>}
          {person.email && person.phone && ' · '}
          {person.phone && <Link href={`tel:${person.phone.replace(/[^\d+]/g, '')}`}>{person.phone}</Link>}
        </>
      )}
      {(person.portfolios ?? []).map((pf) => (
        <div key={pf.id} className="rondom-portfolio">
          <Paragraph className="rondom-hint">
            {t('partnerMap.portfolio', { topic: pf.topic })}
            {pf.isKey ? ` (${t('partnerMap.key')})` : ''}
            {' — '}{pf.hasMandate ? t('partnerMap.mandate', { mandate: pf.mandate ?? '' }) : t('partnerMap.noMandate')}
            {' — '}{pf.deputyName ? t('partnerMap.deputy', { name: pf.deputyName }) : t('partnerMap.noDeputy')}
          </Paragraph>
          {pf.responsibilities && <Paragraph className="rondom-hint">{t('wsEdit.portfolio.responsibilitiesShown', { text: pf.responsibilities })}</Paragraph>}
          {canManage && (
            <Disclosure label={t('wsEdit.portfolio.edit', { topic: pf.topic })} appearance="subtle-button">
              {(close) => <PortfolioForm id={id} person={person} portfolio={pf} everyone={everyone} onCancel={close} onSaved={() => { close(); onSaved(t('wsEdit.portfolio.saved', { topic: pf.topic })); }} />}
            </Disclosure>
          )}
        </div>
      ))}
      {canManage && (
        <div className="rondom-buttons">
          <Disclosure label={t('wsEdit.portfolio.addFor', { name: person.name })} appearance="subtle-button">
            {(close) => <PortfolioForm id={id} person={person} everyone={everyone} onCancel={close} onSaved={(topic) => { close(); onSaved(t('wsEdit.portfolio.added', { topic, name: person.name })); }} />}
          </Disclosure>
          <Disclosure label={t('wsEdit.person.edit', { name: person.name })} appearance="subtle-button">
            {(close) => <PersonForm id={id} person={person} onCancel={close} onSaved={(name) => { close(); onSaved(t('wsEdit.person.saved', { name })); }} />}
          </Disclosure>
        </div>
      )}
    </>
  );
}

interface Directory { id: string; name: string; type: string }

function AddPartnerForm({ id, partners, canAddOrganisation, onSaved, onCancel }: {
  id: string; partners: Partner[]; canAddOrganisation: boolean; onSaved: (name: string) => void; onCancel: () => void;
}) {
  const { t } = useTranslation();
  const dir = useLoad((s) => api.get<Directory[]>('/api/v1/organisations', s), []);
  const [source, setSource] = useState<'rondom' | 'new'>('rondom');
  const [organisationId, setOrganisationId] = useState('');
  const [type, setType] = useState('');
  const [name, setName] = useState('');
  const [ring, setRing] = useState('inner');
  const [roleDescription, setRoleDescription] = useState('');
  const taken = new Set(partners.map((p) => p.organisationId));
  const options = (dir.data ?? []).filter((o) => !taken.has(o.id)).map((o) => ({ value: o.id, label: `${o.name} (${t(`orgType.${o.type}`, { defaultValue: o.type })})` }));
  const isNew = canAddOrganisation && source === 'new';
  const labels = {
    source: t('wsEdit.partner.source'), organisationId: t('wsEdit.partner.organisation'), type: t('wsEdit.partner.type'), name: t('wsEdit.partner.name'),
    ring: t('wsEdit.partner.ring'), roleDescription: t('wsEdit.partner.role'),
  };
  return (
    <WsForm title={t('wsEdit.partner.addTitle')} level={4} labels={labels} submitLabel={t('wsEdit.partner.addSubmit')} onCancel={onCancel}
      order={['source', 'organisationId', 'type', 'name', 'ring', 'roleDescription']}
      serverField={{ 'newOrganisation.name': 'name', 'newOrganisation.type': 'type' }}
      validate={() => only(isNew
        ? { type: type ? '' : t('fieldError.choose'), name: required(t, name) }
        : { organisationId: organisationId ? '' : t('fieldError.choose') })}
      send={async () => {
        const body = { ring, ...(roleDescription.trim() ? { roleDescription: roleDescription.trim() } : {}) };
        const out = await api.post<Partner>(`/api/v1/partnerships/${id}/partners`, isNew ? { ...body, newOrganisation: { type, name: name.trim() } } : { ...body, organisationId });
        onSaved(out.organisationName);
      }}>
      {(f) => (
        <>
          {canAddOrganisation && (
            <RadioGroupField label={labels.source} name="source" value={source} onChange={(v) => setSource(v as 'rondom' | 'new')}
              options={[{ value: 'rondom', label: t('wsEdit.partner.fromRondom') }, { value: 'new', label: t('wsEdit.partner.notInRondom') }]} />
          )}
          {!isNew && (
            <SelectField label={labels.organisationId} name="organisationId" value={organisationId} onChange={setOrganisationId} error={f.organisationId}
              placeholder={t('common.choose')} options={options} description={t('wsEdit.partner.organisationHelp')} />
          )}
          {isNew && (
            <>
              <SelectField label={labels.type} name="type" value={type} onChange={setType} error={f.type} placeholder={t('common.choose')}
                options={PARTNER_ONLY_TYPES.map((v) => ({ value: v, label: t(`orgType.${v}`) }))} />
              <TextField label={labels.name} name="name" value={name} onChange={setName} error={f.name} required maxLength={200} description={t('wsEdit.partner.nameHelp')} />
            </>
          )}
          <RadioGroupField label={labels.ring} name="ring" value={ring} onChange={setRing} error={f.ring}
            options={RINGS.map((r) => ({ value: r, label: t(`partnerMap.ring.${r}`) }))} />
          <TextAreaField label={labels.roleDescription} name="roleDescription" value={roleDescription} onChange={setRoleDescription} error={f.roleDescription} rows={2}
            description={t('wsEdit.partner.roleHelp')} maxLength={1000} />
        </>
      )}
    </WsForm>
  );
}

function PartnerEditForm({ id, partner, onSaved, onCancel }: { id: string; partner: Partner; onSaved: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const [ring, setRing] = useState(partner.ring);
  const [roleDescription, setRoleDescription] = useState(partner.roleDescription ?? '');
  const labels = { ring: t('wsEdit.partner.ring'), roleDescription: t('wsEdit.partner.role') };
  return (
    <WsForm<Partner> title={t('wsEdit.partner.edit', { org: partner.organisationName })} level={6} labels={labels} order={['ring', 'roleDescription']}
      submitLabel={t('wsEdit.save')} onCancel={onCancel} version={partner.version} validate={() => ({})}
      mine={() => ({ ring, roleDescription })} theirs={(c) => ({ ring: c.ring, roleDescription: c.roleDescription ?? '' })}
      onUseTheirs={(c) => { setRing(c.ring); setRoleDescription(c.roleDescription ?? ''); }}
      send={async (version) => {
        await api.patch(`/api/v1/partnerships/${id}/partners/${partner.id}`, { ring, roleDescription: roleDescription.trim() || null }, version);
        onSaved();
      }}>
      {(f) => (
        <>
          <RadioGroupField label={labels.ring} name="ring" value={ring} onChange={setRing} error={f.ring}
            options={RINGS.map((r) => ({ value: r, label: t(`partnerMap.ring.${r}`) }))} />
          <TextAreaField label={labels.roleDescription} name="roleDescription" value={roleDescription} onChange={setRoleDescription} error={f.roleDescription} rows={2} maxLength={1000} />
        </>
      )}
    </WsForm>
  );
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Adds a person to a partner, or changes one. */
function PersonForm({ id, partner, person, onSaved, onCancel }: { id: string; partner?: Partner; person?: Person; onSaved: (name: string) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const init = (x?: Person) => ({ name: x?.name ?? '', roleTitle: x?.roleTitle ?? '', email: x?.email ?? '', phone: x?.phone ?? '' });
  const [form, setForm] = useState(init(person));
  const set = (k: keyof typeof form) => (v: string) => setForm((x) => ({ ...x, [k]: v }));
  const labels = { name: t('wsEdit.person.name'), roleTitle: t('wsEdit.person.roleTitle'), email: t('wsEdit.person.email'), phone: t('wsEdit.person.phone') };
  const body = () => ({ name: form.name.trim(), roleTitle: form.roleTitle.trim() || null, email: form.email.trim() || null, phone: form.phone.trim() || null });
  return (
    <WsForm<Person> title={person ? t('wsEdit.person.edit', { name: person.name }) : t('wsEdit.person.addTo', { org: partner?.organisationName ?? '' })} level={6}
      labels={labels} order={['name', 'roleTitle', 'email', 'phone']} submitLabel={person ? t('wsEdit.save') : t('wsEdit.person.addSubmit')} onCancel={onCancel}
      version={person?.version}
      validate={() => only({ name: required(t, form.name), email: form.email.trim() && !EMAIL.test(form.email.trim()) ? t('fieldError.email') : '' })}
      mine={() => form} theirs={(c) => init(c)} onUseTheirs={(c) => setForm(init(c))}
      send={async (version) => {
        const b = body();
        if (person) await api.patch(`/api/v1/partnerships/${id}/people/${person.id}`, b, version);
        else await api.post(`/api/v1/partnerships/${id}/people`, { partnerId: partner!.id, name: b.name, ...Object.fromEntries(Object.entries(b).filter(([k, v]) => k !== 'name' && v !== null)) });
        onSaved(b.name);
      }}>
      {(f) => (
        <>
          <TextField label={labels.name} name="name" value={form.name} onChange={set('name')} error={f.name} required autoComplete="off" maxLength={200} />
          <TextField label={labels.roleTitle} name="roleTitle" value={form.roleTitle} onChange={set('roleTitle')} error={f.roleTitle} maxLength={200} description={t('wsEdit.person.roleTitleHelp')} />
          <TextField label={labels.email} name="email" type="email" inputMode="email" value={form.email} onChange={set('email')} error={f.email} autoComplete="off" maxLength={254} />
          <TextField label={labels.phone} name="phone" type="tel" value={form.phone} onChange={set('phone')} error={f.phone} autoComplete="off" maxLength={30} />
        </>
      )}
    </WsForm>
  );
}

/** Adds a portfolio to a person, or changes one: responsibilities, mandate and a deputy. */
function PortfolioForm({ id, person, portfolio, everyone, onSaved, onCancel }: {
  id: string; person: Person; portfolio?: Portfolio; everyone: Someone[]; onSaved: (topic: string) => void; onCancel: () => void;
}) {
  const { t } = useTranslation();
  const init = (x?: Portfolio) => ({
    topic: x?.topic ?? '', responsibilities: x?.responsibilities ?? '', mandate: x?.mandate ?? '', hasMandate: x?.hasMandate ?? false,
    deputyPersonId: x?.deputyPersonId ?? '', isKey: x?.isKey ?? false,
  });
  const [form, setForm] = useState(init(portfolio));
  const set = <K extends keyof typeof form>(k: K) => (v: (typeof form)[K]) => setForm((x) => ({ ...x, [k]: v }));
  const labels = {
    topic: t('wsEdit.portfolio.topic'), responsibilities: t('wsEdit.portfolio.responsibilities'), hasMandate: t('wsEdit.portfolio.hasMandate'),
    mandate: t('wsEdit.portfolio.mandate'), deputyPersonId: t('wsEdit.portfolio.deputy'), isKey: t('wsEdit.portfolio.isKey'),
  };
  const deputies = everyone.filter((x) => x.id !== person.id).map((x) => ({ value: x.id, label: `${x.name} — ${x.organisationName}` }));
  return (
    <WsForm<Portfolio> title={portfolio ? t('wsEdit.portfolio.edit', { topic: portfolio.topic }) : t('wsEdit.portfolio.addFor', { name: person.name })} level={6}
      labels={labels} order={['topic', 'responsibilities', 'hasMandate', 'mandate', 'deputyPersonId', 'isKey']}
      submitLabel={portfolio ? t('wsEdit.save') : t('wsEdit.portfolio.addSubmit')} onCancel={onCancel} version={portfolio?.version}
      validate={() => only({ topic: required(t, form.topic) })}
      mine={() => ({ ...form, hasMandate: form.hasMandate ? t('wsEdit.yes') : t('wsEdit.no'), isKey: form.isKey ? t('wsEdit.yes') : t('wsEdit.no'), deputyPersonId: everyone.find((x) => x.id === form.deputyPersonId)?.name ?? '' })}
      theirs={(c) => ({ ...init(c), hasMandate: c.hasMandate ? t('wsEdit.yes') : t('wsEdit.no'), isKey: c.isKey ? t('wsEdit.yes') : t('wsEdit.no'), deputyPersonId: c.deputyName ?? '' })}
      onUseTheirs={(c) => setForm(init(c))}
      send={async (version) => {
        const b = {
          topic: form.topic.trim(), responsibilities: form.responsibilities.trim() || null, mandate: form.mandate.trim() || null,
          hasMandate: form.hasMandate, deputyPersonId: form.deputyPersonId || null, isKey: form.isKey,
        };
        if (portfolio) await api.patch(`/api/v1/partnerships/${id}/portfolios/${portfolio.id}`, b, version);
        else await api.post(`/api/v1/partnerships/${id}/portfolios`, { personId: person.id, ...Object.fromEntries(Object.entries(b).filter(([, v]) => v !== null)) });
        onSaved(b.topic);
      }}>
      {(f) => (
        <>
          <TextField label={labels.topic} name="topic" value={form.topic} onChange={set('topic')} error={f.topic} required maxLength={200} description={t('wsEdit.portfolio.topicHelp')} />
          <TextAreaField label={labels.responsibilities} name="responsibilities" value={form.responsibilities} onChange={set('responsibilities')} error={f.responsibilities} rows={2} maxLength={2000} />
          <CheckboxField label={labels.hasMandate} name="hasMandate" checked={form.hasMandate} onChange={set('hasMandate')} error={f.hasMandate} />
          <TextAreaField label={labels.mandate} name="mandate" value={form.mandate} onChange={set('mandate')} error={f.mandate} rows={2} maxLength={2000} description={t('wsEdit.portfolio.mandateHelp')} />
          <SelectField label={labels.deputyPersonId} name="deputyPersonId" value={form.deputyPersonId} onChange={set('deputyPersonId')} error={f.deputyPersonId}
            placeholder={t('wsEdit.portfolio.noDeputy')} options={deputies} description={t('wsEdit.portfolio.deputyHelp')} />
          <CheckboxField label={labels.isKey} name="isKey" checked={form.isKey} onChange={set('isKey')} error={f.isKey} />
        </>
      )}
    </WsForm>
  );
}
