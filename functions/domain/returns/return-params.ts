import * as z from 'zod/mini';
import { idSchema } from '../schemas.ts';

/** The `{returnId}` of every return route. */
export const returnParams = z.object({ returnId: idSchema });
