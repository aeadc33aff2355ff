import { useAppStore } from '../../store/store';

/**
 * What a field says under itself when an edit is refused. A size refusal is already spelled out
 * in the alert above the stack, so the field points there instead of repeating the paragraph.
 */
export function inlineReason(reason: string): string {
  return useAppStore.getState().refusal === reason
    ? 'Not applied: the model would be too big to train in the browser (see the alert above the stack).'
    : reason;
}
