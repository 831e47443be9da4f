import { z } from 'zod';
import type { SchemaDef } from '../catalogue';
import { method } from '../contract';
import { DATATYPES, type TypeView } from './dto';

// The case's own entity and link types (issue 24). Answered by electron/core/vocabulary.

const name = z.string().trim().min(1).max(80);
/** A type by its id or its name. */
const typeRef = z.string().trim().min(1).max(120);

export const propertyInput = z.object({
  name,
  datatype: z.enum(DATATYPES),
  values: z.array(z.string().trim().min(1).max(200)).max(500).optional(),
  target: z.array(z.string().trim().min(1).max(120)).max(50).optional(),
  required: z.boolean().default(false),
  identifies: z.boolean().default(false),
});

const look = {
  icon: z.string().trim().regex(/^[a-z0-9][a-z0-9-]{0,59}$/, 'an icon name is lower-case letters, digits and -').nullable().optional(),
  /** The analyst's own icon: SVG text, refused if it holds script or external references. */
  iconSvg: z.string().max(200_000).nullable().optional(),
  color: z.string().trim().regex(/^#[0-9a-fA-F]{6}$/, 'a colour is #rrggbb').nullable().optional(),
  label: z.string().trim().max(300).nullable().optional(),
};

export const vocabularyApi = {
  'type.list': method<TypeView[]>()(z.object({})),
  /** The case's own types as catalogue schemata: what the renderer registers (shared/catalogue.ts). */
  'type.schemata': method<SchemaDef[]>()(z.object({})),
  'type.add': method<{ id: string; name: string }>()(
    z.object({
      name,
      kind: z.enum(['entity', 'link']),
      parent: typeRef,
      properties: z.array(propertyInput).max(200).default([]),
      ...look,
    }),
  ),
  'type.update': method<TypeView>()(
    z.object({
      type: typeRef,
      name: name.optional(),
      parent: typeRef.optional(),
      addProperties: z.array(propertyInput).max(200).default([]),
      ...look,
    }),
  ),
  'type.renameProperty': method<TypeView>()(z.object({ type: typeRef, property: z.string().trim().min(1).max(120), name })),
  'type.changeDatatype': method<TypeView>()(
    z.object({
      type: typeRef,
      property: z.string().trim().min(1).max(120),
      datatype: z.enum(DATATYPES),
      values: z.array(z.string().trim().min(1).max(200)).max(500).optional(),
    }),
  ),
  'type.remove': method<null>()(z.object({ type: typeRef })),
} as const;
