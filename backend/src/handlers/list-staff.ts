import { ListStaffResponse } from '@vfc/shared';
import { listStaff } from '../app/list-staff.js';
import { peopleStore } from '../composition/people.js';
import { apiHandler } from './http/api-handler.js';
import { grantOf } from './http/api-request.js';
import { json } from './http/responses.js';

/** `GET /clinic/staff` (admin): `{items: [{userId, name, email, role, lastActiveAt?, disabled}]}` (`ListStaffResponse`). */
export const handler = apiHandler(async (event) => {
  const { clinicId } = grantOf(event, 'admin');
  return json(200, ListStaffResponse.parse(await listStaff({ people: peopleStore() }, clinicId)));
});
