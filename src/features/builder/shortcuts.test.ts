import { describe, expect, it } from 'vitest';
import { undoShortcut, type KeyLike } from './shortcuts';

const key = (k: string, mods: Partial<KeyLike> = {}): KeyLike => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  target: { tagName: 'BUTTON' },
  ...mods,
});

describe('undoShortcut', () => {
  it('maps Ctrl/Cmd+Z to undo and Ctrl+Shift+Z, Cmd+Shift+Z, Ctrl+Y to redo', () => {
    expect(undoShortcut(key('z', { ctrlKey: true }))).toBe('undo');
    expect(undoShortcut(key('z', { metaKey: true }))).toBe('undo');
    expect(undoShortcut(key('Z', { ctrlKey: true, shiftKey: true }))).toBe('redo');
    expect(undoShortcut(key('Z', { metaKey: true, shiftKey: true }))).toBe('redo');
    expect(undoShortcut(key('y', { ctrlKey: true }))).toBe('redo');
  });

  it('ignores plain keys and other chords', () => {
    expect(undoShortcut(key('z'))).toBeNull();
    expect(undoShortcut(key('z', { ctrlKey: true, altKey: true }))).toBeNull();
    expect(undoShortcut(key('x', { ctrlKey: true }))).toBeNull();
  });

  it('leaves Ctrl+Z to the browser while the focus is in a text field', () => {
    const ctrl = { ctrlKey: true };
    expect(
      undoShortcut(key('z', { ...ctrl, target: { tagName: 'INPUT', type: 'text' } })),
    ).toBeNull();
    expect(undoShortcut(key('z', { ...ctrl, target: { tagName: 'TEXTAREA' } }))).toBeNull();
    expect(undoShortcut(key('z', { ...ctrl, target: { isContentEditable: true } }))).toBeNull();
    expect(
      undoShortcut(key('z', { ...ctrl, target: { tagName: 'INPUT', type: 'checkbox' } })),
    ).toBe('undo');
  });
});
