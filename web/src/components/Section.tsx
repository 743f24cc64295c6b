/** A titled block that loads its own data and shows loading, error and empty states. */
import type { ReactNode } from 'react';
import { Heading, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api.ts';
import type { Loaded } from '../hooks.ts';
import { ErrorAlert, Loading } from './status.tsx';

export function DataSection<T>(props: {
  title: string;
  level?: number;
  /**
   * The page already names this block in a heading just above it (a young person's page: "Plan",
   * then the plan): no second heading with the same name; the title still names the region.
   */
  hideTitle?: boolean;
  loaded: Loaded<T>;
  empty?: (data: T) => boolean;
  emptyText: string;
  children: (data: T) => ReactNode;
}) {
  const { t } = useTranslation();
  const { loaded } = props;
  const headingId = `sec-${props.title.replace(/[^a-zA-Z0-9]+/g, '-').toLowerCase()}`;
  let body: ReactNode;
  if (loaded.loading && loaded.data === undefined) body = <Loading />;
  else if (loaded.error && isApiError(loaded.error) && loaded.error.status === 404) body = <Paragraph>{t('common.notAvailable')}</Paragraph>;
  else if (loaded.error) body = <ErrorAlert error={loaded.error} />;
  else if (loaded.data !== undefined && props.empty?.(loaded.data)) body = <Paragraph>{props.emptyText}</Paragraph>;
  else if (loaded.data !== undefined) body = props.children(loaded.data);
  return (
    <section aria-labelledby={props.hideTitle ? undefined : headingId} aria-label={props.hideTitle ? props.title : undefined} className="rondom-section">
      {!props.hideTitle && <Heading level={props.level ?? 2} id={headingId}>{props.title}</Heading>}
      {body}
    </section>
  );
}
