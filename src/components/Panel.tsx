import { useContext, useId, type ReactNode } from 'react';
import { Icon } from './Icon';
import { PanelFoldContext } from './panel-fold';

interface Props {
  title: string;
  /** Controls shown at the right of the heading. */
  actions?: ReactNode;
  className?: string;
  children: ReactNode;
}

/**
 * A titled card; the heading names the region for screen readers. Inside the app shell it can
 * be folded to its heading: the content stays mounted (nothing typed in it is lost), only hidden.
 */
export function Panel({ title, actions, className, children }: Props) {
  const id = useId();
  const fold = useContext(PanelFoldContext);
  const collapsed = fold?.isCollapsed(title) ?? false;
  const classes = ['panel', className, collapsed && 'collapsed'].filter(Boolean).join(' ');
  return (
    <section aria-labelledby={id} className={classes}>
      <header className="panel-head">
        <h2 id={id}>{title}</h2>
        {actions && !collapsed && <div className="panel-actions">{actions}</div>}
        {fold && (
          <button
            type="button"
            className="icon-button panel-fold"
            aria-expanded={!collapsed}
            aria-label={`${collapsed ? 'Expand' : 'Collapse'} ${title}`}
            title={`${collapsed ? 'Expand' : 'Collapse'} ${title}`}
            onClick={() => fold.toggle(title)}
          >
            <Icon name={collapsed ? 'chevron' : 'chevron-up'} />
          </button>
        )}
      </header>
      {children}
    </section>
  );
}
