import type { PropertyDef } from '../../../../shared/catalogue';
import { countryName, formatNumber, formatPartialDate } from '../../format';
import { useWorkspace } from '../../state/workspace';

/** A value shown by its type; the stored text stays available as the tooltip. */
export function PropertyValue({ def, value }: { def: PropertyDef | undefined; value: string }) {
  const select = useWorkspace((s) => s.select);
  switch (def?.type) {
    case 'date':
      return <span title={value}>{formatPartialDate(value)}</span>;
    case 'country':
      return <span title={value}>{countryName(value)}</span>;
    case 'number': {
      const n = Number(value);
      return <span title={value}>{Number.isFinite(n) ? formatNumber(n) : value}</span>;
    }
    case 'iban':
    case 'identifier':
    case 'phone':
      return <span className="mono">{value}</span>;
    case 'entity':
      return (
        <a href="#" className="mono" onClick={(e) => (e.preventDefault(), select(value))}>
          {value}
        </a>
      );
    default:
      return <span className="value-text">{value}</span>;
  }
}
