import type { Principal } from '../principal.ts';
import { readReturnInScope } from './return-scope.ts';
import type { Return } from './return-types.ts';

/** A return with its history, for whoever may see it (else 404). */
export const getReturn = async (returnId: string, principal: Principal): Promise<Return> => (await readReturnInScope(returnId, principal)).ret;
