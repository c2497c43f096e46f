import type { Role } from '../routes.ts';

/** Who is calling: `id` is the token's `sub` (a seller id, customer id, delivery person id, ...). */
export interface Principal {
  role: Role;
  id: string;
}
