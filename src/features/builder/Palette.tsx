import { useId, useMemo, useState } from 'react';
import { Icon } from '../../components/Icon';
import { Panel } from '../../components/Panel';
import { paletteGroups } from './palette-filter';
import { PaletteItem } from './PaletteItem';

/** Every layer kind, grouped; drag one onto the stack, or press it to add it after the selection. */
export function Palette() {
  const [query, setQuery] = useState('');
  const groups = useMemo(() => paletteGroups(query), [query]);
  const hintId = useId();
  return (
    <Panel title="Layers" className="palette">
      <label className="search">
        <Icon name="search" />
        <input
          type="search"
          aria-label="Filter layers"
          placeholder="Filter layers…"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
      </label>
      <p id={hintId} className="hint">
        Drag onto the stack, or press to add after the selected layer.
      </p>
      <div className="palette-scroll">
        {groups.length === 0 && <p className="empty-note">No layer matches “{query}”.</p>}
        {groups.map(({ group, defs }) => (
          <div key={group} className="palette-group">
            <h3>{group}</h3>
            <ul aria-label={group} className="palette-list">
              {defs.map((def) => (
                <PaletteItem key={def.kind} def={def} hintId={hintId} />
              ))}
            </ul>
          </div>
        ))}
      </div>
    </Panel>
  );
}
