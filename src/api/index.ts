export * from './containers.js';
export * from './engine.js';
export * from './errors.js';
export * from './images.js';
export * from './system.js';
