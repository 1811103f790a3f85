/** The transcript format and its runner live in src/learn/transcript.ts (`dockersim test-transcript`). */
export { parseTranscript, runTranscript, type Step, type Transcript } from '../../src/learn/transcript.js';
