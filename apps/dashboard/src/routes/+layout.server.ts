import { roleHas } from '$lib/server/access';
import type { LayoutServerLoad } from './$types';

/** The reader's locale and theme, and who is signed in (their token stays on the server). */
export const load: LayoutServerLoad = ({ locals }) => {
  const user = locals.session?.user ?? null;
  return {
    locale: locals.locale,
    theme: locals.theme,
    user,
    readsReadership: user !== null && roleHas(user.role, 'readership:read'),
  };
};
