import { afterEach, describe, expect, it } from 'vitest';
import { TEACH_AREA_IDS } from '../core/share/teach';
import { mountedAreas, useTeachView } from './teach-view';

afterEach(() => useTeachView.setState({ hidden: [], note: '', mounted: {} }));

describe('the teaching view', () => {
  it('hides what the link names, and one action shows everything while the note stays', () => {
    const s = () => useTeachView.getState();
    s().setTeaching({ hidden: ['graph', 'runs'], note: 'Try tanh.' });
    expect(s()).toMatchObject({ hidden: ['graph', 'runs'], note: 'Try tanh.' });
    s().showEverything();
    expect(s()).toMatchObject({ hidden: [], note: 'Try tanh.' });
    s().dismissNote();
    expect(s().note).toBe('');
  });

  it('lists the areas mounted now, once each, until the last of them unmounts', () => {
    const s = () => useTeachView.getState();
    const a = s().register(['runs', 'charts']);
    const b = s().register(['runs']);
    expect(mountedAreas(s(), TEACH_AREA_IDS)).toEqual(['charts', 'runs']);
    a();
    expect(mountedAreas(s(), TEACH_AREA_IDS)).toEqual(['runs']);
    b();
    expect(mountedAreas(s(), TEACH_AREA_IDS)).toEqual([]);
  });
});
