/** The image verbs of the engine, in one module loaded only by commands that need images. */
export { loadImages, saveImages } from './archive.js';
export { imageDiskUsage } from './df.js';
export { imageHistory } from './history.js';
export { inspectImage } from './inspect.js';
export { listImages } from './list.js';
export { pruneImages } from './prune.js';
export { pullAllTags, pullImage } from './pull.js';
export { deleteImage, removeImage } from './remove.js';
export { searchImages } from './search.js';
export { ImageServices } from './services.js';
export { tagImage } from './tag.js';
