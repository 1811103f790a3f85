export * from './lock.js';
export * from './schema.js';
export * from './state.js';
