/**
 * Form fields built from NL Design System parts (FormField, FormLabel, Textbox,
 * Textarea, Select, Checkbox, FormFieldErrorMessage). The error message sits right
 * under the label, is linked with aria-describedby and marks the control invalid.
 * `Form` adds the error summary: after a failed submit it lists every wrong field above
 * the form as a link to it and puts the focus on the first one.
 */
import { useEffect, useId, useLayoutEffect, useRef, useState, type ChangeEvent, type FormEvent, type FormHTMLAttributes, type MouseEvent, type ReactNode } from 'react';
import {
  Alert, Checkbox, Fieldset, FieldsetLegend, FormField, FormFieldDescription, FormFieldErrorMessage, FormLabel, Heading, Link, RadioButton, Select, SelectOption, Textarea, Textbox,
  UnorderedList, UnorderedListItem,
} from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { dateToText, textToDate } from '../format.ts';

/** One wrong field as the summary shows it: the control to focus, what it is called, what is wrong. */
export interface WrongField {
  target: string;
  label: string;
  message: string;
}

const ERROR_CLASS = 'utrecht-form-field__error-message';

/**
 * The wrong fields of a form, in the order they appear, read from the fields themselves: every
 * error message these components render has an id that its control (or radio group) names in
 * aria-describedby. So a form needs no list of its fields to get a summary.
 */
export function wrongFieldsIn(form: HTMLElement | null): WrongField[] {
  if (!form) return [];
  const out: WrongField[] = [];
  for (const msg of Array.from(form.querySelectorAll<HTMLElement>(`.${ERROR_CLASS}[id]`))) {
    const owner = Array.from(form.querySelectorAll<HTMLElement>('[aria-describedby]'))
      .find((el) => (el.getAttribute('aria-describedby') ?? '').split(' ').includes(msg.id));
    if (!owner) continue;
    const control = owner.tagName === 'FIELDSET' ? owner.querySelector<HTMLElement>('input, select, textarea') : owner;
    if (!control?.id) continue;
    const label = owner.tagName === 'FIELDSET'
      ? owner.querySelector('legend')?.textContent ?? ''
      : form.querySelector(`label[for="${CSS.escape(control.id)}"]`)?.textContent ?? '';
    out.push({ target: control.id, label: label.trim(), message: (msg.textContent ?? '').trim() });
  }
  return out;
}

function sameFields(a: WrongField[], b: WrongField[]): boolean {
  return a.length === b.length && a.every((x, i) => x.target === b[i]?.target && x.message === b[i]?.message && x.label === b[i]?.label);
}

/**
 * The summary of wrong fields (NL Design System form pattern): how many, and each field by name as a
 * link that moves focus to it, where its message says what to change.
 */
export function FieldErrorSummary({ fields, id }: { fields: WrongField[]; id: string }) {
  const { t } = useTranslation();
  if (fields.length === 0) return null;
  const go = (target: string) => (e: MouseEvent<HTMLAnchorElement>) => {
    e.preventDefault();
    document.getElementById(target)?.focus();
  };
  return (
    <Alert type="error" className="rondom-error-summary">
      <Heading level={2} id={id}>{t('frontdoor.errorSummary', { count: fields.length })}</Heading>
      <UnorderedList className="rondom-list" aria-labelledby={id}>
        {fields.map((f) => (
          <UnorderedListItem key={f.target}>
            {/* The field's name: what is wrong stands at the field itself, once (a screen reader hears it there). */}
            <Link href={`#${f.target}`} onClick={go(f.target)}>{f.label || f.message}</Link>
          </UnorderedListItem>
        ))}
      </UnorderedList>
    </Alert>
  );
}

/**
 * A form with the error summary built in. After a submit whose checks (in the browser or from the
 * server's answer) leave fields wrong, the summary appears at the top and focus goes to the first
 * wrong field; each line of the summary links to its field.
 */
export function Form({ onSubmit, children, className, ...rest }: Omit<FormHTMLAttributes<HTMLFormElement>, 'onSubmit'> & {
  onSubmit: (e: FormEvent<HTMLFormElement>) => unknown;
  children: ReactNode;
}) {
  const ref = useRef<HTMLFormElement>(null);
  const summaryId = `${useId()}-errors`;
  const [wrong, setWrong] = useState<WrongField[]>([]);
  // Set by a submit, cleared when focus has gone to a wrong field: a server's answer comes later.
  const submitted = useRef(false);

  // Read the wrong fields after every render (cheap: one form), update only when they change.
  useLayoutEffect(() => {
    const found = wrongFieldsIn(ref.current);
    setWrong((prev) => (sameFields(prev, found) ? prev : found));
  });

  const focusFirst = (fields: WrongField[]) => {
    const first = fields[0];
    if (!submitted.current || !first) return;
    submitted.current = false;
    document.getElementById(first.target)?.focus();
  };
  useEffect(() => focusFirst(wrong), [wrong]);

  const submit = (e: FormEvent<HTMLFormElement>) => {
    submitted.current = true;
    const result = onSubmit(e);
    // The same fields wrong again (nothing changed on screen): still go to the first one.
    requestAnimationFrame(() => focusFirst(wrongFieldsIn(ref.current)));
    return result;
  };

  return (
    <form
      ref={ref}
      noValidate
      className={className ?? 'rondom-form'}
      {...rest}
      onSubmit={submit}
      // A form may send with a plain button (agree, disagree): that is an attempt too.
      onClickCapture={(e) => { if ((e.target as HTMLElement).closest('button')) submitted.current = true; }}
    >
      <FieldErrorSummary fields={wrong} id={summaryId} />
      {children}
    </form>
  );
}

interface BaseProps {
  label: ReactNode;
  name: string;
  error?: string;
  description?: ReactNode;
  required?: boolean;
  disabled?: boolean;
}

function describedBy(...ids: (string | false | undefined)[]): string | undefined {
  const s = ids.filter(Boolean).join(' ');
  return s || undefined;
}

export function TextField(props: BaseProps & {
  value: string;
  onChange: (value: string) => void;
  type?: string;
  autoComplete?: string;
  inputMode?: 'numeric' | 'text' | 'email' | 'search';
  maxLength?: number;
}) {
  const id = useId();
  const descId = `${id}-desc`;
  const errId = `${id}-err`;
  if (props.type === 'date') return <DateField {...props} />;
  return (
    <FormField invalid={Boolean(props.error)} type="text">
      <div className="utrecht-form-field__label">
        <FormLabel htmlFor={id}>{props.label}</FormLabel>
      </div>
      {props.description && <FormFieldDescription id={descId} className="utrecht-form-field__description">{props.description}</FormFieldDescription>}
      {props.error && <FormFieldErrorMessage id={errId} className="utrecht-form-field__error-message">{props.error}</FormFieldErrorMessage>}
      <div className="utrecht-form-field__input">
        <Textbox
          id={id}
          name={props.name}
          type={props.type ?? 'text'}
          value={props.value}
          onChange={(e: ChangeEvent<HTMLInputElement>) => props.onChange(e.target.value)}
          invalid={Boolean(props.error)}
          aria-invalid={props.error ? true : undefined}
          aria-describedby={describedBy(props.description ? descId : undefined, props.error ? errId : undefined)}
          required={props.required}
          disabled={props.disabled}
          autoComplete={props.autoComplete}
          inputMode={props.inputMode}
          maxLength={props.maxLength}
        />
      </div>
    </FormField>
  );
}

/**
 * A date field written the way the UI language writes dates, with the format as a hint. Chromium's
 * <input type="date"> shows the browser's own locale (mm/dd/yyyy in an English browser on a Dutch
 * page) and ignores lang; a text field with a hint is what the NL Design System and GOV.UK advise
 * for dates people know. The value in and out stays 'YYYY-MM-DD'.
 */
function DateField(props: BaseProps & { value: string; onChange: (value: string) => void; autoComplete?: string }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const descId = `${id}-desc`;
  const errId = `${id}-err`;
  const [text, setText] = useState(() => dateToText(props.value, i18n.language));
  // A value set from outside (a reset, a filled-in suggestion, a language switch) replaces what is shown.
  useEffect(() => {
    if (textToDate(text) !== props.value) setText(dateToText(props.value, i18n.language));
  }, [props.value]);
  useEffect(() => {
    if (textToDate(text) === props.value) setText(dateToText(props.value, i18n.language));
  }, [i18n.language]);
  return (
    <FormField invalid={Boolean(props.error)} type="text">
      <div className="utrecht-form-field__label">
        <FormLabel htmlFor={id}>{props.label}</FormLabel>
      </div>
      <FormFieldDescription id={descId} className="utrecht-form-field__description">
        {props.description}{props.description ? ' ' : ''}{t('dateField.hint')}
      </FormFieldDescription>
      {props.error && <FormFieldErrorMessage id={errId} className="utrecht-form-field__error-message">{props.error}</FormFieldErrorMessage>}
      <div className="utrecht-form-field__input">
        <Textbox
          id={id}
          name={props.name}
          type="text"
          inputMode="numeric"
          className="rondom-date-input"
          value={text}
          onChange={(e: ChangeEvent<HTMLInputElement>) => { setText(e.target.value); props.onChange(textToDate(e.target.value)); }}
          invalid={Boolean(props.error)}
          aria-invalid={props.error ? true : undefined}
          aria-describedby={describedBy(descId, props.error ? errId : undefined)}
          required={props.required}
          disabled={props.disabled}
          autoComplete={props.autoComplete ?? 'off'}
          maxLength={10}
        />
      </div>
    </FormField>
  );
}

export function TextAreaField(props: BaseProps & { value: string; onChange: (value: string) => void; rows?: number; maxLength?: number }) {
  const id = useId();
  const descId = `${id}-desc`;
  const errId = `${id}-err`;
  return (
    <FormField invalid={Boolean(props.error)} type="text">
      <div className="utrecht-form-field__label">
        <FormLabel htmlFor={id}>{props.label}</FormLabel>
      </div>
      {props.description && <FormFieldDescription id={descId} className="utrecht-form-field__description">{props.description}</FormFieldDescription>}
      {props.error && <FormFieldErrorMessage id={errId} className="utrecht-form-field__error-message">{props.error}</FormFieldErrorMessage>}
      <div className="utrecht-form-field__input">
        <Textarea
          id={id}
          name={props.name}
          value={props.value}
          rows={props.rows ?? 4}
          maxLength={props.maxLength}
          onChange={(e: ChangeEvent<HTMLTextAreaElement>) => props.onChange(e.target.value)}
          invalid={Boolean(props.error)}
          aria-invalid={props.error ? true : undefined}
          aria-describedby={describedBy(props.description ? descId : undefined, props.error ? errId : undefined)}
          required={props.required}
          disabled={props.disabled}
        />
      </div>
    </FormField>
  );
}

export interface Option {
  value: string;
  label: string;
}

export function SelectField(props: BaseProps & { value: string; onChange: (value: string) => void; options: Option[]; placeholder?: string }) {
  const id = useId();
  const descId = `${id}-desc`;
  const errId = `${id}-err`;
  return (
    <FormField invalid={Boolean(props.error)} type="text">
      <div className="utrecht-form-field__label">
        <FormLabel htmlFor={id}>{props.label}</FormLabel>
      </div>
      {props.description && <FormFieldDescription id={descId} className="utrecht-form-field__description">{props.description}</FormFieldDescription>}
      {props.error && <FormFieldErrorMessage id={errId} className="utrecht-form-field__error-message">{props.error}</FormFieldErrorMessage>}
      <div className="utrecht-form-field__input">
        <Select
          id={id}
          name={props.name}
          value={props.value}
          onChange={(e: ChangeEvent<HTMLSelectElement>) => props.onChange(e.target.value)}
          invalid={Boolean(props.error)}
          aria-invalid={props.error ? true : undefined}
          aria-describedby={describedBy(props.description ? descId : undefined, props.error ? errId : undefined)}
          required={props.required}
          disabled={props.disabled}
        >
          {props.placeholder !== undefined && <SelectOption value="">{props.placeholder}</SelectOption>}
          {props.options.map((o) => (
            <SelectOption key={o.value} value={o.value}>{o.label}</SelectOption>
          ))}
        </Select>
      </div>
    </FormField>
  );
}

export function CheckboxField(props: BaseProps & { checked: boolean; onChange: (checked: boolean) => void }) {
  const id = useId();
  const errId = `${id}-err`;
  return (
    <FormField invalid={Boolean(props.error)} type="checkbox">
      {props.error && <FormFieldErrorMessage id={errId} className="utrecht-form-field__error-message">{props.error}</FormFieldErrorMessage>}
      <div className="utrecht-form-field__input">
        <Checkbox
          id={id}
          name={props.name}
          checked={props.checked}
          onChange={(e: ChangeEvent<HTMLInputElement>) => props.onChange(e.target.checked)}
          invalid={Boolean(props.error)}
          aria-invalid={props.error ? true : undefined}
          aria-describedby={props.error ? errId : undefined}
          disabled={props.disabled}
        />
      </div>
      <div className="utrecht-form-field__label">
        <FormLabel htmlFor={id} type="checkbox">{props.label}</FormLabel>
      </div>
    </FormField>
  );
}

/**
 * A group of radio buttons in a fieldset with a legend. The error and description
 * belong to the fieldset, so screen readers hear them with the group.
 */
export function RadioGroupField(props: BaseProps & { value: string; onChange: (value: string) => void; options: Option[] }) {
  const id = useId();
  const descId = `${id}-desc`;
  const errId = `${id}-err`;
  return (
    <Fieldset
      invalid={Boolean(props.error)}
      aria-describedby={describedBy(props.description ? descId : undefined, props.error ? errId : undefined)}
      className="rondom-radio-group"
    >
      <FieldsetLegend>{props.label}</FieldsetLegend>
      {props.description && <FormFieldDescription id={descId} className="utrecht-form-field__description">{props.description}</FormFieldDescription>}
      {props.error && <FormFieldErrorMessage id={errId} className="utrecht-form-field__error-message">{props.error}</FormFieldErrorMessage>}
      {props.options.map((o) => {
        const optionId = `${id}-${o.value}`;
        return (
          <FormField key={o.value} type="radio">
            <div className="utrecht-form-field__input">
              <RadioButton
                id={optionId}
                name={props.name}
                value={o.value}
                checked={props.value === o.value}
                onChange={() => props.onChange(o.value)}
                invalid={Boolean(props.error)}
                required={props.required}
                disabled={props.disabled}
              />
            </div>
            <div className="utrecht-form-field__label">
              <FormLabel htmlFor={optionId} type="radio">{o.label}</FormLabel>
            </div>
          </FormField>
        );
      })}
    </Fieldset>
  );
}
