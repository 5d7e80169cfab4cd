/**
 * What a view whose code could not load shows instead of breaking the page (the network is off
 * and no service worker keeps the site, or a new deployment replaced the files): why, and a
 * button to try again. An error thrown by a view that did load passes through to the page.
 */
import { Component, type ReactNode } from 'react';
import { defineMessages } from '../../i18n/i18n.ts';

const useMessages = defineMessages({
  en: {
    failed: 'This view could not be loaded. Is the network off?',
    retry: 'Try again',
  },
  zh: {
    failed: '无法加载这个视图。网络是否已断开？',
    retry: '重试',
  },
});

function LoadProblem({ onRetry }: { onRetry: () => void }) {
  const t = useMessages();
  return (
    <div role="alert" className="load-failure">
      <p>{t('failed')}</p>
      <button type="button" onClick={onRetry}>
        {t('retry')}
      </button>
    </div>
  );
}

interface Props {
  children: ReactNode;
  /** Whether the view's code is in: an error then comes from the view, not from loading. */
  loaded(): boolean;
  onRetry(): void;
}

export class LoadFailure extends Component<Props, { error: unknown }> {
  override state: { error: unknown } = { error: null };

  static getDerivedStateFromError(error: unknown) {
    return { error };
  }

  override render() {
    if (this.state.error === null) return this.props.children;
    if (this.props.loaded()) throw this.state.error;
    return <LoadProblem onRetry={this.props.onRetry} />;
  }
}
