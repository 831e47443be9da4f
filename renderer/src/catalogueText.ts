import i18n from 'i18next';
import { getSchema, type PropertyDef, type SchemaDef } from '../../shared/catalogue';

// The catalogue's labels are English; they go through i18next with the catalogue text as the
// default, so a translation file can rename any type or property without touching shared/.

export function schemaLabel(name: string): string {
  return i18n.t(`catalogue.schema.${name}`, { defaultValue: getSchema(name)?.label ?? name });
}

export function schemaPlural(name: string): string {
  return i18n.t(`catalogue.plural.${name}`, { defaultValue: getSchema(name)?.plural ?? name });
}

export function propLabel(schema: SchemaDef | undefined, def: PropertyDef | undefined, prop: string): string {
  const fallback = def?.label ?? prop;
  return i18n.t(`catalogue.prop.${schema?.name ?? '_'}.${prop}`, { defaultValue: i18n.t(`catalogue.prop._.${prop}`, { defaultValue: fallback }) });
}
