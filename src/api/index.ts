export * from './engine.js';
export * from './errors.js';
export * from './system.js';
export * from './images.js';
export * from './containers.js';
