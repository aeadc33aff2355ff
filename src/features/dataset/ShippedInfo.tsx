import { useMemo } from 'react';
import { z } from 'zod';
import { NumberField } from '../../components/NumberField';
import { numberRule } from '../../core/number-rule';
import { SHIPPED, type ShippedConfig } from '../../data/index';
import { formatCount } from '../../data/result';
import { commitConfig } from './edit-config';

/** Where the real data comes from and under which licence: shown wherever it is picked. */
export function ShippedInfo({ config }: { config: ShippedConfig }) {
  const info = SHIPPED[config.id];
  const images = info.format !== 'csv';
  const what = images ? 'images' : 'rows';
  const rule = useMemo(() => numberRule(z.int().min(1).max(info.rows)), [info.rows]);
  return (
    <div className="data-source-settings">
      <p className="data-help">{info.description}</p>
      <dl className="data-facts" aria-label="About this data">
        <div>
          <dt>{images ? 'Images' : 'Rows'}</dt>
          <dd>{formatCount(info.rows)}</dd>
        </div>
        <div>
          <dt>Source</dt>
          <dd>{info.source}</dd>
        </div>
        <div>
          <dt>Licence</dt>
          <dd>{info.licence}</dd>
        </div>
        {info.attribution && (
          <div>
            <dt>Credit</dt>
            <dd>{info.attribution}</dd>
          </div>
        )}
      </dl>
      <div className="data-grid">
        <NumberField
          className="data-field"
          label={images ? 'Images used' : 'Rows used'}
          value={config.limit ?? info.rows}
          rule={rule}
          hint={`The first 1 to ${formatCount(info.rows)} ${what}; fewer train faster`}
          onCommit={(v) => commitConfig({ ...config, limit: v >= info.rows ? null : v })}
        />
      </div>
    </div>
  );
}
