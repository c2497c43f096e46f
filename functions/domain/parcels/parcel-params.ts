import * as z from 'zod/mini';
import { idSchema } from '../schemas.ts';

/** The `{parcelId}` of every parcel route. */
export const parcelParams = z.object({ parcelId: idSchema });
