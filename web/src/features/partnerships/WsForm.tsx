/**
 * One small workspace form, in the NL Design System form pattern: a heading, the error summary
 * at the top with a link to each wrong field (focus moves to the first), the fields, save and
 * cancel. An update sends If-Match with the version read; a 409 shows the ConflictPanel with
 * what differs, and the user takes the other version or overwrites it.
 * The "Toevoegen" button that opens a form is `Disclosure`.
 */
import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { Button, Heading } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api.ts';
import { ConflictPanel, diffFields } from '../../components/ConflictPanel.tsx';
import { ErrorSummary, focusFirstError } from '../../components/ErrorSummary.tsx';
import { ErrorAlert } from '../../components/status.tsx';
import { fieldErrorsOf } from '../../errors.ts';

type Fields = Record<string, string>;

export interface WsFormProps<C> {
  title: string;
  level: number;
  /** Field names in form order; the summary and the focus follow it. */
  order: string[];
  /** What each field is called (summary and conflict table). */
  labels: Record<string, string>;
  /** The form's own checks: field name → message. */
  validate: () => Fields;
  /** Sends the form; for an update, with this version as If-Match. */
  send: (version: number | undefined) => Promise<void>;
  /** The version read, for an update (undefined when adding). */
  version?: number;
  /** The user's input as a record with the labels' keys, to compare with the server's current record on 409. */
  mine?: () => Record<string, unknown>;
  /** Shapes the server's current record like `mine`. */
  theirs?: (current: C) => Record<string, unknown>;
  /** Takes the server's current record into the form. */
  onUseTheirs?: (current: C) => void;
  /** Maps server field paths to this form's field names. */
  serverField?: Record<string, string>;
  /** Fields that are a group of options: the name of the option to focus. */
  groups?: Record<string, string>;
  submitLabel: string;
  onCancel?: () => void;
  children: (fields: Fields) => ReactNode;
}

export function WsForm<C extends { version: number }>(props: WsFormProps<C>) {
  const { t } = useTranslation();
  const formId = `wsf-${useId().replace(/:/g, '')}`;
  const [fields, setFields] = useState<Fields>({});
  const [error, setError] = useState<unknown>(null);
  const [conflict, setConflict] = useState<C | null>(null);
  // After "take their version" the input rests on the other's version; else on the one read (props.version, which
  // may arrive after the form opens, e.g. when a topic is chosen in it).
  const [taken, setTaken] = useState<number | undefined>(undefined);
  useEffect(() => setTaken(undefined), [props.version]);
  const [busy, setBusy] = useState(false);

  const run = async (version: number | undefined) => {
    setBusy(true);
    setError(null);
    try {
      await props.send(version);
      setConflict(null);
    } catch (err) {
      if (isApiError(err) && err.isConflict && err.current) {
        setConflict(err.current as C);
      } else {
        setError(err);
        const raw = fieldErrorsOf(t, err);
        const mapped: Fields = { ...raw };
        for (const [from, to] of Object.entries(props.serverField ?? {})) if (raw[from]) mapped[to] = raw[from];
        setFields(mapped);
        focusFirstError(formId, props.order, mapped, props.groups);
      }
    } finally {
      setBusy(false);
    }
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const f = only(props.validate());
    setFields(f);
    if (Object.keys(f).length) {
      focusFirstError(formId, props.order, f, props.groups);
      return;
    }
    void run(conflict?.version ?? taken ?? props.version);
  };

  return (
    <section aria-labelledby={`${formId}-title`} className="rondom-section rondom-ws-form">
      <Heading level={props.level} id={`${formId}-title`}>{props.title}</Heading>
      {error !== null && <ErrorAlert error={error} prefix={t('common.notSavedKept')} />}
      <ErrorSummary formId={formId} order={props.order} fields={fields} labels={props.labels} groups={props.groups} />
      {conflict && (
        <ConflictPanel
          changes={diffFields(props.mine?.() ?? {}, props.theirs?.(conflict) ?? {}, props.labels)}
          onUseTheirs={() => { props.onUseTheirs?.(conflict); setTaken(conflict.version); setConflict(null); }}
          onOverwrite={() => void run(conflict.version)} busy={busy}
        />
      )}
      <form id={formId} onSubmit={submit} noValidate className="rondom-form">
        {props.children(fields)}
        <div className="rondom-buttons">
          <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>{busy ? t('common.saving') : props.submitLabel}</Button>
          {props.onCancel && <Button type="button" appearance="secondary-action-button" onClick={props.onCancel}>{t('common.cancel')}</Button>}
        </div>
      </form>
    </section>
  );
}

/** A button that opens a form in place ("Toevoegen"); the form closes on save or cancel. */
export function Disclosure({ label, children, appearance = 'secondary-action-button' }: {
  label: string;
  appearance?: 'primary-action-button' | 'secondary-action-button' | 'subtle-button';
  children: (close: () => void) => ReactNode;
}) {
  const [open, setOpen] = useState(false);
  // The button gives way to the form: focus goes to the form's first field, and back to the button when it closes.
  const moved = useRef(false);
  const button = useRef<HTMLButtonElement>(null);
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!moved.current) return;
    if (open) box.current?.querySelector<HTMLElement>('form input:not([type="hidden"]), form select, form textarea')?.focus();
    else button.current?.focus();
  }, [open]);
  const toggle = (to: boolean) => { moved.current = true; setOpen(to); };
  if (!open) return <Button ref={button} appearance={appearance} onClick={() => toggle(true)}>{label}</Button>;
  return <div ref={box}>{children(() => toggle(false))}</div>;
}

/** Required text: the message when empty. */
export function required(t: (k: string) => string, value: string): string {
  return value.trim() ? '' : t('fieldError.required');
}

/** Lines of a textarea as a list (empty lines dropped). */
export function lines(value: string): string[] {
  return value.split('\n').map((s) => s.trim()).filter(Boolean);
}

/** Drops the empty messages of a validation result. */
export function only(f: Fields): Fields {
  return Object.fromEntries(Object.entries(f).filter(([, v]) => v));
}
