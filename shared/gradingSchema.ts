import { z } from 'zod';
import { GRADING_SCHEMES, isValidGrade, isValidHandling, SCHEMES, TLP_LEVELS } from './grading';

// The zod schema of a grading, apart from grading.ts so that the renderer can use the schemes
// without pulling zod in (zod's JIT probes `new Function`, which the renderer's CSP refuses).

/** Zod schema for a grading, checking the grade and handling codes against the scheme. */
export const gradingSchema = z
  .object({
    scheme: z.enum(GRADING_SCHEMES),
    grade: z.string().trim().toUpperCase(),
    handling: z.string().trim().toUpperCase().optional(),
    handlingConditions: z.string().trim().max(2000).optional(),
    tlp: z.enum(TLP_LEVELS).optional(),
  })
  .superRefine((g, ctx) => {
    if (!isValidGrade(g.scheme, g.grade)) {
      const def = SCHEMES[g.scheme];
      ctx.addIssue({
        code: 'custom',
        path: ['grade'],
        message: `"${g.grade}" is not a ${def.label} grade (source ${def.source.join('/')}, information ${def.information.join('/')})`,
      });
    }
    if (g.handling !== undefined && g.handling !== '' && !isValidHandling(g.scheme, g.handling)) {
      const def = SCHEMES[g.scheme];
      ctx.addIssue({
        code: 'custom',
        path: ['handling'],
        message: def.handling.length
          ? `"${g.handling}" is not a ${def.label} handling code (${def.handling.join(', ')})`
          : `${def.label} has no handling codes`,
      });
    }
  });

