import { api, type ApiSchemas } from '../../../lib/api/api-client';
import { apiCall } from '../../../lib/api/call';

export type Account = ApiSchemas['UserDto'];
export type NewStaff = ApiSchemas['CreateStaffDto'];

export const listAccounts = () => apiCall(() => api.GET('/api/users'));
export const createStaff = (body: NewStaff) => apiCall(() => api.POST('/api/users', { body }));
export const disableAccount = (id: string) => apiCall(() => api.POST('/api/users/{id}/disable', { params: { path: { id } } }));
export const setContentEditor = (id: string, canEditContent: boolean) =>
  apiCall(() => api.PATCH('/api/users/{id}/permissions', { params: { path: { id } }, body: { canEditContent } }));
export const setEvaluator = (id: string, canEvaluate: boolean) =>
  apiCall(() => api.PATCH('/api/users/{id}/evaluator', { params: { path: { id } }, body: { canEvaluate } }));
export const enableAccount = (id: string) => apiCall(() => api.POST('/api/users/{id}/enable', { params: { path: { id } } }));
