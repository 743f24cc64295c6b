/**
 * The NL Design System form pattern for errors: a summary above the form that lists every wrong
 * field as a link to it, and focus on the first wrong field, so a keyboard or screen-reader user
 * lands where to fix it. Fields are found by their `name` (the form components set it).
 */
import type { MouseEvent } from 'react';
import { Alert, Heading, Link, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';

/** The control to focus for a field: its own name, or (for a group such as life domains) its first option. */
function controlFor(form: HTMLElement | null, field: string, groups: Record<string, string>): HTMLElement | null {
  const name = groups[field] ?? field;
  return (form ?? document).querySelector<HTMLElement>(`[name="${name}"]`);
}

/** Moves focus to the first wrong field, in the order given (after the errors have rendered). */
export function focusFirstError(formId: string, order: string[], fields: Record<string, string>, groups: Record<string, string> = {}): void {
  const first = order.find((f) => fields[f]);
  if (!first) return;
  requestAnimationFrame(() => controlFor(document.getElementById(formId), first, groups)?.focus());
}

export function ErrorSummary({ formId, order, fields, labels, groups = {} }: {
  formId: string;
  /** The fields in the order they appear in the form. */
  order: string[];
  fields: Record<string, string>;
  /** What each field is called in the form, to say which one is wrong. */
  labels: Record<string, string>;
  /** Fields that are a group of options: the name of the option to focus. */
  groups?: Record<string, string>;
}) {
  const { t } = useTranslation();
  const wrong = order.filter((f) => fields[f]);
  if (wrong.length === 0) return null;
  const go = (field: string) => (e: MouseEvent<HTMLAnchorElement>) => {
    e.preventDefault();
    controlFor(document.getElementById(formId), field, groups)?.focus();
  };
  return (
    <Alert type="error" className="rondom-error-summary">
      <Heading level={2} id={`${formId}-errors`}>{t('frontdoor.errorSummary', { count: wrong.length })}</Heading>
      <UnorderedList className="rondom-list" aria-labelledby={`${formId}-errors`}>
        {wrong.map((f) => (
          <UnorderedListItem key={f}>
            <Link href={`#${formId}`} onClick={go(f)}>{labels[f] ? `${labels[f]}: ${fields[f]}` : fields[f]}</Link>
          </UnorderedListItem>
        ))}
      </UnorderedList>
    </Alert>
  );
}
