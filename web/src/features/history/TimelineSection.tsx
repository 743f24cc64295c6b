/**
 * The timeline of one young person (GET /api/v1/children/:id/timeline): what happened
 * in the network, newest first, in plain words per kind. "Meer laden" fetches the next
 * page with `before=nextBefore`. Unknown kinds show the kind itself.
 */
import { useEffect, useRef, useState } from 'react';
import { Button, OrderedList, OrderedListItem, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { api, query } from '../../api.ts';
import { ErrorAlert, Loading } from '../../components/status.tsx';
import { formatDateTime } from '../../format.ts';
import { useLoad } from '../../hooks.ts';
import type { TFunction } from 'i18next';
import type { TimelineOut } from '../../../../server/modules/children/children.history.ts';

export type TimelineEntry = TimelineOut['items'][number];
type TimelinePage = TimelineOut;

const PAGE_SIZE = 25;

/** The plain-language label of a timeline kind; i18next keys are nested on the dots. */
export function timelineLabel(t: TFunction, kind: string): string {
  // Kinds added by a feature keep their labels in that feature's own section ("mandate.timelineKind.proposed").
  const [head, ...rest] = kind.split('.');
  const label: unknown = t([`timelineKind.${kind}`, `${head}.timelineKind.${rest.join('.')}`], { defaultValue: kind, returnObjects: false });
  return typeof label === 'string' && label ? label : kind;
}

/** A short extra line for the kinds whose summary says something useful. */
function detailOf(t: TFunction, e: TimelineEntry): string | null {
  const s = e.summary;
  const str = (v: unknown) => (typeof v === 'string' ? v : null);
  if (e.kind.startsWith('absence.') && str(s.kind)) return t(`absenceKind.${str(s.kind)}`, { defaultValue: str(s.kind)! });
  if (e.kind === 'evaluation.recorded' && str(s.setting)) return t(`evaluation.settingOption.${str(s.setting)}`, { defaultValue: str(s.setting)! });
  if (e.kind === 'plan.version_created' && str(s.changeSummary)) return str(s.changeSummary);
  if (e.kind === 'involvement.added' && str(s.organisation)) return str(s.organisation);
  if (e.kind === 'break_glass.started' && str(s.organisation)) return str(s.organisation);
  return null;
}

export function TimelineSection({ childId }: { childId: string }) {
  const { t, i18n } = useTranslation();
  const first = useLoad((s) => api.get<TimelinePage>(`/api/v1/children/${childId}/timeline${query({ limit: PAGE_SIZE })}`, s), [childId]);
  const [more, setMore] = useState<TimelineEntry[]>([]);
  const [nextBefore, setNextBefore] = useState<number | null | undefined>(undefined);
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<unknown>(null);
  // After "Meer laden" the button may disappear: focus moves to the first new entry.
  const [focusIndex, setFocusIndex] = useState<number | null>(null);
  const listRef = useRef<HTMLOListElement>(null);
  useEffect(() => {
    if (focusIndex === null) return;
    const li = listRef.current?.children[focusIndex] as HTMLElement | undefined;
    li?.focus();
  }, [focusIndex]);

  if (first.loading && !first.data) return <Loading />;
  if (first.error || !first.data) return <ErrorAlert error={first.error} />;

  const cursor = nextBefore === undefined ? first.data.nextBefore : nextBefore;
  const items = [...first.data.items, ...more];

  const loadMore = async () => {
    if (cursor === null) return;
    setLoadingMore(true);
    setMoreError(null);
    try {
      const page = await api.get<TimelinePage>(`/api/v1/children/${childId}/timeline${query({ before: cursor, limit: PAGE_SIZE })}`);
      setFocusIndex(items.length);
      setMore((xs) => [...xs, ...page.items]);
      setNextBefore(page.nextBefore);
    } catch (err) {
      setMoreError(err);
    } finally {
      setLoadingMore(false);
    }
  };

  if (items.length === 0) return <Paragraph>{t('timeline.empty')}</Paragraph>;
  const lang = i18n.language;
  return (
    <>
      <Paragraph>{t('timeline.intro')}</Paragraph>
      <OrderedList className="rondom-timeline" ref={listRef}>
        {items.map((e) => {
          const detail = detailOf(t, e);
          return (
            <OrderedListItem key={e.id} className="rondom-timeline__item" tabIndex={-1}>
              <strong>{timelineLabel(t, e.kind)}</strong>
              {detail && <>: {detail}</>}
              <br />
              <span className="rondom-hint">
                {e.actor ? t('timeline.byOn', { who: e.actor, when: formatDateTime(e.at, lang) }) : formatDateTime(e.at, lang)}
              </span>
            </OrderedListItem>
          );
        })}
      </OrderedList>
      {moreError !== null && <ErrorAlert error={moreError} />}
      {cursor !== null && (
        <Button appearance="secondary-action-button" onClick={() => void loadMore()} busy={loadingMore} disabled={loadingMore}>
          {loadingMore ? t('common.loading') : t('timeline.more')}
        </Button>
      )}
      {cursor === null && items.length > PAGE_SIZE && <Paragraph>{t('timeline.end')}</Paragraph>}
    </>
  );
}
