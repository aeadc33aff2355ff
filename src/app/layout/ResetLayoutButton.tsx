import { Icon } from '../../components/Icon';
import { announce } from '../../components/announcer';
import { useLayoutStore } from './layout-store';

/** Opens every folded panel and gives the columns their first widths again. */
export function ResetLayoutButton() {
  return (
    <button
      type="button"
      className="icon-button with-text reset-layout"
      title="Reset layout"
      onClick={() => {
        useLayoutStore.getState().reset();
        announce('Layout reset: every panel open, columns at their first widths');
      }}
    >
      <Icon name="reset" />
      <span className="label">Reset layout</span>
    </button>
  );
}
