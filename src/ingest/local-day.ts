/**
 * A calendar day written `YYYY-MM-DD`, such as an SLO's `since` or the settings' `reportingSince`:
 * a day in the site's zone, kept as text until the report knows the zone.
 */
import { z } from 'zod';
import { isRealDay } from './instant.ts';

/** A real day, e.g. 2025-04-01; a YAML timestamp read as a Date is taken as its UTC day. */
export const localDaySchema = z
  .union([z.date(), z.string().refine(isRealDay, 'write a real date as YYYY-MM-DD, e.g. 2025-04-01')])
  .transform((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v));
