import { ROLES } from '../functions/domain/principal.ts';
import { signLocalToken } from '../local/local-tokens.ts';

const [role, sub] = process.argv.slice(2);
if (!role || !sub || !(ROLES as readonly string[]).includes(role)) {
  console.error(`usage: npm run token -- <${ROLES.join('|')}> <sub>`);
  process.exit(1);
}
console.log(await signLocalToken(role, sub));
