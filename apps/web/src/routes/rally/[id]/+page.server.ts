import { api, required } from '$lib/server/api';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const rally = await api(event).GET('/api/rallies/{id}', { params: { path: { id: event.params.id } } }).then(required);
  return { rally };
};
