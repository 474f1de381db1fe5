// Form values held as text, with the messages shown beside fields or above the form; shared by every form.
import { useCallback, useState, type ChangeEvent } from 'react';
import { placeSubmitError, type FieldErrors } from '../lib/form-errors';

type TextControl = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

export function useFormState<Values extends Record<string, string>>(initial: Values) {
  const [values, setValues] = useState(initial);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [alert, setAlert] = useState<string | null>(null);

  const textProps = useCallback(
    (name: keyof Values & string) => ({
      name,
      value: values[name],
      onChange: (event: ChangeEvent<TextControl>) => {
        const { value } = event.currentTarget;
        setValues((current) => ({ ...current, [name]: value }));
      },
      error: fieldErrors[name],
    }),
    [values, fieldErrors],
  );

  return {
    values,
    setValues,
    fieldErrors,
    alert,
    textProps,
    /** Shows the schema's messages from a check before submit. */
    showFieldErrors: (errors: FieldErrors) => {
      setFieldErrors(errors);
      setAlert(null);
    },
    /** Shows a refused submit beside its field when this form has it, otherwise above the form. */
    showSubmitError: (error: unknown) => {
      const shown = placeSubmitError(error, Object.keys(values));
      setFieldErrors(shown.fieldErrors);
      setAlert(shown.alert);
    },
    reset: (next: Values = initial) => {
      setValues(next);
      setFieldErrors({});
      setAlert(null);
    },
  };
}
