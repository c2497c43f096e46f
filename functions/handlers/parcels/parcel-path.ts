import * as z from 'zod/mini';
import { idSchema } from '#domain/schemas.ts';

export const parcelPath = z.object({ parcelId: idSchema });
