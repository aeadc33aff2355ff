import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  /** Names the part of the page that failed, so the message says where. */
  area: string;
  children: ReactNode;
}
interface State {
  error: Error | null;
}

/** A bug in one panel shows a plain message there instead of blanking the whole page. */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.warn(`[${this.props.area}]`, error.message, info.componentStack);
  }

  override render(): ReactNode {
    if (!this.state.error) return this.props.children;
    return (
      <div role="alert" className="panel-error">
        <strong>{this.props.area} hit a problem and was reset.</strong>
        <p>{this.state.error.message}</p>
        <button type="button" onClick={() => this.setState({ error: null })}>
          Try again
        </button>
      </div>
    );
  }
}
