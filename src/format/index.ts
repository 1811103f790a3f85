/** format/: pure text — sizes, durations, docker's table layout, Go templates, row contexts. */
export { deriveHeader, headerContext, RowContext } from './context.js';
export { ago, humanDuration } from './duration.js';
export { type RenderListOptions, type ResolvedFormat, renderList, resolveFormat } from './formatter.js';
export { formatFloat, formatFloatV } from './gofloat.js';
export { bytesSize, humanSize, humanSizeWithPrecision, parseHumanSize, parseMemoryBytes } from './size.js';
export { alignTable, type TabOptions, tabwrite } from './tabwriter.js';
export * from './template/index.js';
export { charWidth, displayWidth, ellipsis, truncateId } from './width.js';
