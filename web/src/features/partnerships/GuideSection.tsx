/**
 * The travel guide (reisgids): nine stages, each with a do-it-yourself checklist
 * (ticking is a set, saved at once), progress per stage, and links to where the
 * stage's results live in the workspace.
 */
import { useState } from 'react';
import { Heading, Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api.ts';
import { CheckboxField } from '../../components/forms.tsx';
import { DataSection } from '../../components/Section.tsx';
import { ErrorAlert } from '../../components/status.tsx';
import { useLoad } from '../../hooks.ts';
import { AppLink } from '../../router.tsx';
import { AREA_SECTION, local, type Guide, type GuideStage } from './partnership-types.ts';

export function GuideSection({ id }: { id: string }) {
  const { t } = useTranslation();
  const loaded = useLoad((s) => api.get<Guide>(`/api/v1/partnerships/${id}/guide`, s), [id]);
  const [guide, setGuide] = useState<Guide | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [status, setStatus] = useState('');
  const g = guide ?? loaded.data;

  const tick = async (itemId: string, done: boolean, text: string) => {
    setError(null);
    try {
      setGuide(await api.put<Guide>(`/api/v1/partnerships/${id}/guide/items/${itemId}`, { done }));
      setStatus(done ? t('guide.ticked', { text }) : t('guide.unticked', { text }));
    } catch (err) {
      setError(err);
    }
  };

  return (
    <DataSection title={t('guide.title')} level={3} loaded={loaded} emptyText="">
      {() => g && (
        <>
          <Paragraph>{t('guide.intro')}</Paragraph>
          <Paragraph>{t('guide.total', { done: g.done, total: g.total, percent: g.percent })}</Paragraph>
          <Paragraph role="status" aria-live="polite" className="rondom-visually-hidden">{status}</Paragraph>
          {error !== null && <ErrorAlert error={error} prefix={t('common.notSaved')} />}
          {g.stages.map((s) => <Stage key={s.code} id={id} stage={s} canCheck={g.allowedActions.includes('check_guide')} onTick={tick} />)}
        </>
      )}
    </DataSection>
  );
}

function Stage({ id, stage, canCheck, onTick }: { id: string; stage: GuideStage; canCheck: boolean; onTick: (itemId: string, done: boolean, text: string) => Promise<void> }) {
  const { t, i18n } = useTranslation();
  const name = local(i18n.language, stage.nameNl, stage.nameEn);
  return (
    <details className="rondom-card rondom-stage" id={`stage-${stage.code}`}>
      <summary>
        <span className="rondom-stage__title">{t('guide.stage', { n: stage.position, name })}</span>{' '}
        <span className="rondom-stage__progress">{t('guide.progress', { done: stage.done, total: stage.total, percent: stage.percent })}</span>
        <span className="rondom-bar" aria-hidden="true"><span className={`rondom-bar__fill rondom-bar__fill--${Math.round(stage.percent / 10) * 10}`} /></span>
      </summary>
      <Heading level={4} className="rondom-visually-hidden">{name}</Heading>
      <Paragraph className="rondom-hint">{t(`guide.group.${stage.group}`, { defaultValue: stage.group })}</Paragraph>
      <fieldset className="rondom-checklist">
        <legend>{t('guide.checklist', { n: stage.position })}</legend>
        {stage.items.map((item) => {
          const text = local(i18n.language, item.textNl, item.textEn);
          return (
            <CheckboxField key={item.id} name={`item-${item.code}`} label={text} checked={item.done} disabled={!canCheck}
              onChange={(on) => void onTick(item.id, on, text)} />
          );
        })}
      </fieldset>
      {stage.links.length > 0 && (
        <>
          <Paragraph>{t('guide.linksIntro')}</Paragraph>
          <UnorderedList className="rondom-list">
            {stage.links.map((l) => (
              <UnorderedListItem key={l.area}>
                {l.available && AREA_SECTION[l.area]
                  ? <AppLink href={`/partnerships/${id}/${AREA_SECTION[l.area]}`}>{t(`guide.area.${l.area}`, { count: l.count })}</AppLink>
                  : t('guide.notYet', { area: t(`guide.area.${l.area}`, { count: l.count }) })}
              </UnorderedListItem>
            ))}
          </UnorderedList>
        </>
      )}
    </details>
  );
}
