import { IconButton } from '../../components/IconButton';
import { Icon } from '../../components/Icon';
import { useAppStore } from '../../store/store';
import { selectRefusal } from '../../store/selectors';

/**
 * Why the last edit was refused (the model would be too big for a browser). The alert region is
 * always in the page, so screen readers announce the message when it appears.
 */
export function RefusalAlert() {
  const refusal = useAppStore(selectRefusal);
  return (
    <div role="alert" className="refusal" data-empty={refusal === null || undefined}>
      {refusal && (
        <>
          <Icon name="alert" />
          <p>
            <strong>Not applied.</strong> {refusal}
          </p>
          <IconButton
            icon="close"
            label="Dismiss"
            onClick={() => useAppStore.getState().dismissRefusal()}
          />
        </>
      )}
    </div>
  );
}
