/**
 * Rules across the tables of one workbook (e.g. the cultivation workbook: an activity for a trainee who is
 * not on the trainee list). Each kind is code in src/core/rules/workbook-rules.ts; profiles give parameters.
 */
import { z } from 'zod';

const localized = z.object({ zh: z.string().min(1), en: z.string().min(1) });
const column = z.object({ table: z.string().min(1), field: z.string().min(1) });

export const workbookRuleSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('reference'),
    id: z.string().min(1),
    severity: z.enum(['error', 'warning', 'info']),
    /** Every non-empty value of `from` must appear in `to`. */
    from: column,
    to: column,
    reason: localized,
  }),
]);
export type WorkbookRule = z.output<typeof workbookRuleSchema>;
