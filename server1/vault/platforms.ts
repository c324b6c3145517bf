import { t } from 'elysia'

/**
 * Job platforms whose login sessions the vault holds (the user_connections CHECK lists the same).
 * Spelled out as literals rather than t.UnionEnum, which defaults to its first value and would
 * turn a missing platform into "linkedin".
 */
export const PlatformSchema = t.Union(
  [t.Literal('linkedin'), t.Literal('naukri'), t.Literal('indeed'), t.Literal('instahyre'), t.Literal('wellfound')],
  { description: 'linkedin, naukri, indeed, instahyre or wellfound' },
)
export type Platform = typeof PlatformSchema.static
