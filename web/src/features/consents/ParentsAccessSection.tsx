/**
 * From 16 the young person decides what their parents see in Rondom (PUT /api/v1/children/:id/privacy;
 * Jeugdwet 7.3.5, WGBO 7:457). Shown only with `setParentsAccess` (the young person, 16 or older).
 * Closing the view asks first: the parents then see only that their child is in Rondom.
 */
import { useState, type FormEvent } from 'react';
import { Button, ButtonGroup, Heading, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api.ts';
import { Form, RadioGroupField } from '../../components/forms.tsx';
import { ErrorAlert, SuccessAlert } from '../../components/status.tsx';
import type { Child } from '../children/children-types.ts';

export function ParentsAccessSection({ child, onChanged }: { child: Child; onChanged: () => void }) {
  const { t } = useTranslation();
  const current = child.parentsAccess === 'hidden' ? 'hidden' : 'full';
  const [choice, setChoice] = useState<string>(current);
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState('');

  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      await api.put(`/api/v1/children/${child.id}/privacy`, { parentsAccess: choice });
      setAsking(false);
      setDone(t(`parentsAccess.saved.${choice}`));
      onChanged();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setDone('');
    if (choice === current) { setDone(t('parentsAccess.unchanged')); return; }
    // Closing the parents' view is asked again; opening it is not.
    if (choice === 'hidden') setAsking(true);
    else void save();
  };

  return (
    <section aria-labelledby="parents-access" className="rondom-section">
      <Heading level={3} id="parents-access">{t('parentsAccess.title')}</Heading>
      <Paragraph>{t('parentsAccess.intro')}</Paragraph>
      <Paragraph>{t(`parentsAccess.now.${current}`)}</Paragraph>
      {done && <SuccessAlert>{done}</SuccessAlert>}
      {error !== null && <ErrorAlert error={error} prefix={t('common.notSaved')} />}
      {asking ? (
        <div className="rondom-card" role="group" aria-labelledby="parents-access-ask">
          <Paragraph id="parents-access-ask"><strong>{t('parentsAccess.askTitle')}</strong></Paragraph>
          <Paragraph>{t('parentsAccess.askText')}</Paragraph>
          <ButtonGroup>
            <Button appearance="primary-action-button" busy={busy} disabled={busy} onClick={() => void save()}>{t('parentsAccess.askYes')}</Button>
            <Button appearance="secondary-action-button" onClick={() => { setAsking(false); setChoice(current); }}>{t('parentsAccess.askNo')}</Button>
          </ButtonGroup>
        </div>
      ) : (
        <Form onSubmit={submit}>
          <RadioGroupField label={t('parentsAccess.question')} name="parentsAccess" value={choice} onChange={setChoice}
            options={(['full', 'hidden'] as const).map((v) => ({ value: v, label: t(`parentsAccess.option.${v}`) }))} />
          <Button type="submit" appearance="secondary-action-button" busy={busy} disabled={busy}>{t('parentsAccess.submit')}</Button>
        </Form>
      )}
    </section>
  );
}
