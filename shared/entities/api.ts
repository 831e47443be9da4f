import { z } from 'zod';
import { bureau, id, method, propValues, schemaRef } from '../contract';
import { ALL_SCHEMATA, ENTITY_SCHEMA_NAMES, LINK_SCHEMA_NAMES } from '../catalogue';
import { gradingSchema } from '../gradingSchema';
import type { EntityDetail, EntityPage, SearchResult, SourceView } from './dto';

// Entities, links and source reports: the statements of the case, and search. Its methods, with
// their zod input schemas (shared/api.ts assembles every feature's slice into the one contract).
// Answered by electron/core/store (entities.ts, sources.ts, search.ts).

const schemaName = schemaRef(ALL_SCHEMATA.map((s) => s.name));

export const sourceInput = z
  .object({
    title: z.string().trim().min(1).max(500),
    reference: z.string().trim().max(500).optional(),
    reportDate: z.string().trim().max(40).optional(),
    restrictedTo: z.array(bureau).max(200).optional(),
  })
  .and(gradingSchema);

export const entitiesApi = {
  'entity.list': method<EntityPage>()(
    z.object({
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(1000).default(200),
      schema: schemaRef(ENTITY_SCHEMA_NAMES).optional(),
    }),
  ),
  'entity.get': method<EntityDetail>()(z.object({ id })),
  'entity.create': method<{ id: string }>()(
    z.object({
      schema: schemaRef(ENTITY_SCHEMA_NAMES),
      properties: propValues,
      sourceId: id.optional(),
    }),
  ),
  'entity.update': method<EntityDetail>()(
    z.object({
      id,
      add: z.array(z.object({ prop: z.string().min(1).max(100), value: z.string().max(10_000) })).max(1000).default([]),
      retract: z.array(z.number().int().positive()).max(1000).default([]),
      sourceId: id.optional(),
    }),
  ),
  'entity.delete': method<null>()(z.object({ id })),
  'link.create': method<{ id: string }>()(
    z.object({
      schema: schemaRef(LINK_SCHEMA_NAMES),
      from: id,
      to: id,
      properties: propValues.default({}),
      sourceId: id.optional(),
    }),
  ),
  'source.create': method<{ id: string }>()(sourceInput),
  'source.list': method<SourceView[]>()(z.object({})),
  'source.get': method<SourceView>()(z.object({ id })),
  search: method<SearchResult[]>()(
    z.object({
      query: z.string().max(500),
      limit: z.number().int().min(1).max(500).default(50),
      schema: schemaName.optional(),
    }),
  ),
} as const;
