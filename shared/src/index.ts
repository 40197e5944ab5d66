export * from './api/call.js';
export * from './api/errors.js';
export * from './api/routes.js';
export * from './domain/phone.js';
export * from './domain/clinic.js';
export * from './domain/call-state.js';
export * from './storage/table-design.js';
export * from './ops/observability.js';
