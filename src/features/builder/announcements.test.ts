import { describe, expect, it } from 'vitest';
import { builderAnnouncements, type StackView } from './announcements';

let ids = ['in', 'd1', 'd2'];
const view = (insertAt: number | null = null): StackView => ({
  labelOf: (id) => (ids.includes(String(id)) ? `${id} (Dense)` : null),
  indexOf: (id) => ids.indexOf(String(id)),
  count: ids.length,
  insertAt,
});
const layerDrag = { id: 'd1', data: { current: { from: 'stack' } } };
const paletteDrag = { id: 'palette:LSTM', data: { current: { from: 'palette', kind: 'LSTM' } } };
const over = (id: string) => ({ id, rect: {}, data: { current: {} }, disabled: false });
type Args = Parameters<NonNullable<ReturnType<typeof builderAnnouncements>['onDragOver']>>[0];
const args = (active: object, overId: string | null) =>
  ({ active, over: overId === null ? null : over(overId) }) as unknown as Args;

describe('builderAnnouncements', () => {
  it('reads a reorder with 1-based positions', () => {
    const a = builderAnnouncements(() => view());
    expect(a.onDragStart(args(layerDrag, null))).toBe('Picked up d1 (Dense), at position 2 of 3.');
    // Over its own place right after pick-up: nothing new to say.
    expect(a.onDragOver(args(layerDrag, 'd1'))).toBeUndefined();
    expect(a.onDragOver(args(layerDrag, 'd2'))).toBe('d1 (Dense) moved to position 3 of 3.');
    expect(a.onDragOver(args(layerDrag, 'd1'))).toBe('d1 (Dense) moved to position 2 of 3.');
    expect(a.onDragCancel(args(layerDrag, 'd2'))).toBe(
      'Cancelled: d1 (Dense) stays at position 2 of 3.',
    );
    ids = ['in', 'd2', 'd1'];
    expect(a.onDragEnd(args(layerDrag, 'd2'))).toBe('Dropped d1 (Dense) at position 3 of 3.');
  });

  it('reads where a palette drag would land, and whether it was added', () => {
    let insertAt: number | null = 1;
    const a = builderAnnouncements(() => view(insertAt));
    expect(a.onDragStart(args(paletteDrag, null))).toBe('Picked up LSTM from the palette.');
    expect(a.onDragOver(args(paletteDrag, 'stack'))).toBe('LSTM will be added at position 2 of 4.');
    expect(a.onDragEnd(args(paletteDrag, 'stack'))).toBe('Added LSTM at position 2.');
    insertAt = null;
    expect(a.onDragOver(args(paletteDrag, null))).toBe('LSTM is not over the stack.');
    expect(a.onDragEnd(args(paletteDrag, null))).toBe('LSTM was not added.');
  });
});
