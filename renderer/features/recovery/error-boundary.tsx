import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from './error-text';
import './recovery.css';

interface State {
  error: Error | null;
}

/**
 * Around every routed screen: a screen that throws while rendering (a damaged stored
 * value, a bug) shows what happened and a reload, in the UI language, and the sidebar
 * stays, instead of React unmounting the whole window into a blank page.
 */
export class ScreenErrorBoundary extends Component<{ children: ReactNode }, State> {
  state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  componentDidCatch(error: Error, info: ErrorInfo) {
    console.error('[tickler] a screen failed', error, info.componentStack);
  }

  render() {
    return this.state.error ? <ScreenError error={this.state.error} /> : this.props.children;
  }
}

function ScreenError({ error }: { error: Error }) {
  const { t } = useTranslation('recovery');
  return (
    <div className="recovery-boundary" role="alert" data-testid="screen-error">
      <h1>{t('boundary.title')}</h1>
      <p>{t('boundary.lead')}</p>
      <p className="recovery-error-line">{errorText(error)}</p>
      <p>
        <button type="button" className="btn btn-primary" onClick={() => window.location.reload()}>
          {t('boundary.reload')}
        </button>
      </p>
      <details className="recovery-details">
        <summary>{t('boundary.details')}</summary>
        <pre>{`${error.name}: ${error.message}\n${error.stack ?? ''}`}</pre>
      </details>
    </div>
  );
}
