import * as z from 'zod/mini';
import { idSchema } from '../schemas.ts';

/** The `{sellerId}` of the seller routes. */
export const sellerParams = z.object({ sellerId: idSchema });
