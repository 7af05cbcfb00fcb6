import { useEffect, useState, type KeyboardEvent, type ReactNode } from 'react';
import { TimeField } from '../../ui/time-field';

/** The settings screen's building blocks, shared by its sections. */
export function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="settings-section" aria-label={title}>
      <h2>{title}</h2>
      {children}
    </section>
  );
}

/** A typed value: edited as a draft, validated inline, saved on Enter or blur when valid. */
export function TextSetting(props: {
  label: string;
  hint?: string;
  value: string;
  type?: 'text' | 'time';
  inputMode?: 'numeric';
  maxLength?: number;
  width?: number;
  testId?: string;
  validate(v: string): string | undefined;
  onSave(v: string): Promise<void>;
}) {
  const [draft, setDraft] = useState(props.value);
  const [error, setError] = useState<string>();
  // Follow outside changes (another window, a reset) unless the user is mid-edit with an error.
  useEffect(() => setDraft(props.value), [props.value]);
  const commit = () => {
    const err = props.validate(draft);
    setError(err);
    if (!err && draft !== props.value) void props.onSave(draft);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') commit();
    if (e.key === 'Escape') {
      setDraft(props.value);
      setError(undefined);
    }
  };
  return (
    <label className="settings-field">
      <span>{props.label}</span>
      {props.type === 'time' ? (
        <TimeField
          value={draft}
          onChange={(v) => {
            setDraft(v);
            if (error) setError(props.validate(v));
          }}
          onBlur={commit}
          onKeyDown={onKeyDown}
          testId={props.testId}
        />
      ) : (
        <input
          className="input"
          inputMode={props.inputMode}
          maxLength={props.maxLength}
          value={draft}
          style={props.width ? { width: props.width } : undefined}
          aria-invalid={!!error}
          onChange={(e) => {
            setDraft(e.target.value);
            if (error) setError(props.validate(e.target.value));
          }}
          onBlur={commit}
          onKeyDown={onKeyDown}
          data-testid={props.testId}
        />
      )}
      {error ? <span className="field-error" role="alert">{error}</span> : props.hint ? <small>{props.hint}</small> : null}
    </label>
  );
}

