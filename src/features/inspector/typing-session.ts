import { useRef } from 'react';

let sessions = 0;

/**
 * A fresh id each time a text field gains focus: the store folds edits with the same id into
 * one undo step, so undo takes back a whole typed value, not one keystroke.
 */
export function useTypingSession() {
  const id = useRef('');
  return {
    start: () => {
      sessions += 1;
      id.current = `typing-${sessions}`;
    },
    current: () => id.current,
  };
}
