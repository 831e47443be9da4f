import type { PropertyDef } from '../../../../shared/catalogue';
import { countryName, formatNumber, formatPartialDate } from '../../format';
import { useWorkspace } from '../../state/workspace';

/** A value shown by its type; the stored text stays available as the tooltip. Each value is a
 * <bdi>: isolated, its direction from its own first letter (an Arabic name beside a Latin number). */
export function PropertyValue({ def, value }: { def: PropertyDef | undefined; value: string }) {
  const select = useWorkspace((s) => s.select);
  switch (def?.type) {
    case 'date':
      return <bdi title={value}>{formatPartialDate(value)}</bdi>;
    case 'country':
      return <bdi title={value}>{countryName(value)}</bdi>;
    case 'number': {
      const n = Number(value);
      return <bdi title={value}>{Number.isFinite(n) ? formatNumber(n) : value}</bdi>;
    }
    case 'iban':
    case 'identifier':
    case 'phone':
      return <bdi className="mono">{value}</bdi>;
    case 'entity':
      return (
        <a href="#" className="mono" onClick={(e) => (e.preventDefault(), select(value))}>
          <bdi>{value}</bdi>
        </a>
      );
    default:
      return <bdi className="value-text">{value}</bdi>;
  }
}
