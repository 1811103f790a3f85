/** Human durations live in util/ (the daemon builds STATUS texts with them too). */
export { ago, humanDuration } from '../util/duration.js';
