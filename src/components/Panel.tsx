import { useId, type ReactNode } from 'react';

interface Props {
  title: string;
  /** Controls shown at the right of the heading. */
  actions?: ReactNode;
  className?: string;
  children: ReactNode;
}

/** A titled card; the heading names the region for screen readers. */
export function Panel({ title, actions, className, children }: Props) {
  const id = useId();
  return (
    <section aria-labelledby={id} className={`panel${className ? ` ${className}` : ''}`}>
      <header className="panel-head">
        <h2 id={id}>{title}</h2>
        {actions && <div className="panel-actions">{actions}</div>}
      </header>
      {children}
    </section>
  );
}
