import * as z from 'zod/mini';
import { en } from 'zod/locales';

// zod/mini ships without messages; load only English (the full locale set is ~250 KB),
// and say "required" rather than "expected string, received undefined".
z.config(en());
z.config({
  customError: (issue) => (issue.code === 'invalid_type' && issue.input === undefined ? 'required' : undefined),
});
