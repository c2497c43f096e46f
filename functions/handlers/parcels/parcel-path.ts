import * as z from 'zod/mini';

export const parcelPath = z.object({ parcelId: z.string() });
