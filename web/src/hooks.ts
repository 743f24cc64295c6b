/** Small data hooks: load from the API with loading and error state; the shared submit state of forms. */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrorsOf } from './errors.ts';

export interface Loaded<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload: () => void;
}

/** Runs `load` on mount and whenever `deps` change; aborts a running load when replaced. */
export function useLoad<T>(load: (signal: AbortSignal) => Promise<T>, deps: unknown[]): Loaded<T> {
  const [state, setState] = useState<{ data: T | undefined; error: unknown; loading: boolean }>({ data: undefined, error: null, loading: true });
  const [tick, setTick] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  useEffect(() => {
    const controller = new AbortController();
    setState((s) => ({ ...s, loading: true, error: null }));
    loadRef.current(controller.signal).then(
      (data) => { if (!controller.signal.aborted) setState({ data, error: null, loading: false }); },
      (error: unknown) => { if (!controller.signal.aborted) setState((s) => ({ data: s.data, error, loading: false })); },
    );
    return () => controller.abort();
  }, [...deps, tick]);

  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { ...state, reload };
}

export interface Saving {
  busy: boolean;
  /** The last failure, shown above the form; the form keeps its input. */
  error: unknown;
  /** Field errors: from the form's own checks (setFields) or from the server's answer. */
  fields: Record<string, string>;
  setFields: (f: Record<string, string>) => void;
  /**
   * Runs one save: busy while it runs; a failure keeps the input and fills error and field errors.
   * fieldErrors turns a failure into this form's own field texts (else the server's, made plain).
   */
  save: (work: () => Promise<void>, fieldErrors?: (err: unknown) => Record<string, string> | undefined) => Promise<void>;
}

/** The submit state every form shares, in one place. */
export function useSave(): Saving {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [fields, setFields] = useState<Record<string, string>>({});
  const save = useCallback(async (work: () => Promise<void>, fieldErrors?: (err: unknown) => Record<string, string> | undefined) => {
    setBusy(true);
    setError(null);
    setFields({});
    try {
      await work();
    } catch (err) {
      setError(err);
      setFields(fieldErrors?.(err) ?? fieldErrorsOf(t, err));
    } finally {
      setBusy(false);
    }
  }, [t]);
  return { busy, error, fields, setFields, save };
}
