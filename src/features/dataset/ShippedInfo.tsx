import { SHIPPED, type ShippedId } from '../../data/index';
import { formatCount } from '../../data/result';

/** Where the real data comes from and under which licence: shown wherever it is picked. */
export function ShippedInfo({ id }: { id: ShippedId }) {
  const info = SHIPPED[id];
  return (
    <div className="data-source-settings">
      <p className="data-help">{info.description}</p>
      <dl className="data-facts" aria-label="About this data">
        <div>
          <dt>Rows</dt>
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
      </dl>
    </div>
  );
}
