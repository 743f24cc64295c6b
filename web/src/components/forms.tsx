/**
 * Form fields built from NL Design System parts (FormField, FormLabel, Textbox,
 * Textarea, Select, Checkbox, FormFieldErrorMessage). The error message sits right
 * under the label, is linked with aria-describedby and marks the control invalid.
 */
import { useId, type ChangeEvent, type ReactNode } from 'react';
import {
  Checkbox, Fieldset, FieldsetLegend, FormField, FormFieldDescription, FormFieldErrorMessage, FormLabel, RadioButton, Select, SelectOption, Textarea, Textbox,
} from '@utrecht/component-library-react';

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
