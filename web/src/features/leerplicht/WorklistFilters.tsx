/**
 * The worklist's filters (school, SWV, rung, overdue), name search and order. They live in the
 * URL's query (?schoolId=…&overdue=true&sort=rung), so a link or a reload shows the same list; the
 * server filters, sorts and pages. A broken URL value is dropped, not sent (it would be a 400).
 */
import { useEffect, useState, type FormEvent } from 'react';
import { Button, ButtonGroup } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { api, query } from '../../api.ts';
import { ErrorSummary, focusFirstError } from '../../components/ErrorSummary.tsx';
import { CheckboxField, SelectField, TextField } from '../../components/forms.tsx';
import { focusField } from '../../components/focus.ts';
import { useLoad } from '../../hooks.ts';
import type { DirectoryOrganisation, LeerplichtWorklist } from './leerplicht-types.ts';
import type { WORKLIST_SORTS as SERVER_SORTS } from '../../../../server/modules/leerplicht/leerplicht.schemas.ts';
import type { Assert, SameValues } from '../../contract.ts';

export const WORKLIST_SORTS = ['urgency', 'overdue', 'rung', 'date', 'school'] as const;
type _Sorts = Assert<SameValues<typeof WORKLIST_SORTS, (typeof SERVER_SORTS)[number]>>;

export interface WorklistFilter {
  schoolId: string;
  swvId: string;
  /** '' all, '0' not escalated, '1'… a rung. */
  rung: string;
  overdue: boolean;
  q: string;
  sort: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The filter a URL's query asks for; values the server would refuse are left out. */
export function filterFromSearch(search: URLSearchParams): WorklistFilter {
  const id = (k: string) => (UUID.test(search.get(k) ?? '') ? search.get(k)! : '');
  const q = (search.get('q') ?? '').slice(0, 100);
  const sort = search.get('sort') ?? '';
  return {
    schoolId: id('schoolId'), swvId: id('swvId'), rung: /^[0-9]$/.test(search.get('rung') ?? '') ? search.get('rung')! : '',
    overdue: search.get('overdue') === 'true', q: q.trim().length >= 2 ? q : '',
    sort: (WORKLIST_SORTS as readonly string[]).includes(sort) && sort !== 'urgency' ? sort : '',
  };
}

/** The query parameters of a filter (for the URL and for the API alike); empty ones are left out. */
export function filterParams(f: WorklistFilter): Record<string, string | undefined> {
  return {
    schoolId: f.schoolId || undefined, swvId: f.swvId || undefined, rung: f.rung || undefined,
    overdue: f.overdue ? 'true' : undefined, q: f.q.trim() || undefined, sort: f.sort || undefined,
  };
}

export const isFiltered = (f: WorklistFilter) => Object.entries(filterParams(f)).some(([k, v]) => k !== 'sort' && v !== undefined);

const FORM_ID = 'worklist-filter';
export const EMPTY_FILTER: WorklistFilter = { schoolId: '', swvId: '', rung: '', overdue: false, q: '', sort: '' };
const ORDER = ['q', 'schoolId', 'swvId', 'rung', 'sort'];

export function WorklistFilterForm({ value, ladder, onApply }: {
  value: WorklistFilter;
  ladder: LeerplichtWorklist['ladder'];
  onApply: (f: WorklistFilter) => void;
}) {
  const { t } = useTranslation();
  const [form, setForm] = useState(value);
  const [fields, setFields] = useState<Record<string, string>>({});
  // Back and forward (or a link) change the URL: the form follows it. (value changes only with the URL.)
  useEffect(() => setForm(value), [value]);
  const schools = useLoad((s) => api.get<DirectoryOrganisation[]>(`/api/v1/organisations${query({ type: 'school' })}`, s), []);
  const swvs = useLoad((s) => api.get<DirectoryOrganisation[]>(`/api/v1/organisations${query({ type: 'swv' })}`, s), []);
  const set = <K extends keyof WorklistFilter>(k: K) => (v: WorklistFilter[K]) => setForm((f) => ({ ...f, [k]: v }));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const f: Record<string, string> = {};
    if (form.q.trim().length === 1) f.q = t('worklistFilter.qTooShort');
    setFields(f);
    if (Object.keys(f).length > 0) {
      focusFirstError(FORM_ID, ORDER, f);
      return;
    }
    onApply({ ...form, q: form.q.trim() });
  };

  const labels = { q: t('worklistFilter.q') };
  const swvOptions = (swvs.data ?? []).map((o) => ({ value: o.id, label: o.name }));
  return (
    <form id={FORM_ID} role="search" aria-label={t('worklistFilter.title')} onSubmit={submit} noValidate className="rondom-form rondom-worklist-filter">
      <ErrorSummary formId={FORM_ID} order={ORDER} fields={fields} labels={labels} />
      <TextField label={t('worklistFilter.q')} name="q" type="search" inputMode="search" maxLength={100} value={form.q} onChange={set('q')} error={fields.q} />
      <SelectField
        label={t('worklistFilter.school')} name="schoolId" value={form.schoolId} onChange={set('schoolId')} placeholder={t('worklistFilter.all')}
        options={(schools.data ?? []).map((o) => ({ value: o.id, label: o.name }))}
      />
      {swvOptions.length > 1 && (
        <SelectField label={t('worklistFilter.swv')} name="swvId" value={form.swvId} onChange={set('swvId')} placeholder={t('worklistFilter.all')} options={swvOptions} />
      )}
      <SelectField
        label={t('worklistFilter.rung')} name="rung" value={form.rung} onChange={set('rung')} placeholder={t('worklistFilter.allRungs')}
        options={[
          { value: '0', label: t('escalation.none') },
          ...ladder.map((r) => ({ value: String(r.rung), label: t('escalation.rung', { rung: r.rung, label: t(`rung.${r.rungKey}`, { defaultValue: r.rungKey }) }) })),
        ]}
      />
      <CheckboxField label={t('worklistFilter.overdue')} name="overdue" checked={form.overdue} onChange={set('overdue')} />
      <SelectField
        label={t('worklistFilter.sort')} name="sort" value={form.sort || 'urgency'} onChange={(v) => set('sort')(v === 'urgency' ? '' : v)}
        options={WORKLIST_SORTS.map((s) => ({ value: s, label: t(`worklistFilter.sortBy.${s}`) }))}
      />
      <ButtonGroup>
        <Button type="submit" appearance="primary-action-button">{t('worklistFilter.apply')}</Button>
        {(isFiltered(value) || value.sort) && (
          // The button goes with the filters: focus moves to the first field, not to the page body.
          <Button type="button" appearance="subtle-button" onClick={() => { onApply(EMPTY_FILTER); focusField(FORM_ID, 'q'); }}>{t('worklistFilter.clear')}</Button>
        )}
      </ButtonGroup>
    </form>
  );
}
