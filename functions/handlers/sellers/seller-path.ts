import * as z from 'zod/mini';
import { idSchema } from '#domain/schemas.ts';

export const sellerPath = z.object({ sellerId: idSchema });
