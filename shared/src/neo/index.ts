export * from './consultation-url.js';
export * from './page-data.js';
export * from './client-page.js';
export * from './html-text.js';
export * from './to-call-draft.js';
export * from './business-hours.js';
