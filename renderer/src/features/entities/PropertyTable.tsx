import { useTranslation } from 'react-i18next';
import { getProperty, type SchemaDef } from '../../../../shared/catalogue';
import type { EntityDetail } from '../../../../shared/entities/dto';
import { propLabel } from '../../catalogueText';
import { PropertyValue } from './PropertyValue';
import { ProvenanceCard } from './ProvenanceCard';

/** Every property with every value, each value beside its provenance card. */
export function PropertyTable({ entity, schema }: { entity: EntityDetail; schema: SchemaDef }) {
  const { t } = useTranslation();
  const endpoints = schema.edge ? [schema.edge.source, schema.edge.target] : [];
  // Catalogue order first, then anything the catalogue does not know (e.g. from an import).
  const known = schema.properties.map((d) => d.name).filter((p) => entity.properties[p]?.length && !endpoints.includes(p));
  const unknown = Object.keys(entity.properties).filter((p) => !getProperty(schema, p) && !endpoints.includes(p));
  const props = [...known, ...unknown];
  if (props.length === 0) return <p className="muted">{t('entity.noProperties')}</p>;
  return (
    <table className="property-table">
      <tbody>
        {props.map((prop) => {
          const def = getProperty(schema, prop);
          const values = entity.properties[prop]!;
          return values.map((st, i) => (
            <tr key={st.id} data-prop={prop}>
              {i === 0 && (
                <th scope="row" rowSpan={values.length}>
                  {propLabel(schema, def, prop)}
                </th>
              )}
              <td className="property-value">
                <PropertyValue def={def} value={st.value} />
              </td>
              <td className="property-provenance">
                <ProvenanceCard statement={st} />
              </td>
            </tr>
          ));
        })}
      </tbody>
    </table>
  );
}
