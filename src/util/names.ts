import type { Random } from './random.js';

/**
 * Generated container names are `<adjective>_<surname>`, the shape docker uses. The word
 * lists are dockersim's own: moods and qualities, and people who shaped computing,
 * mathematics and science.
 */
export const ADJECTIVES: readonly string[] = [
  'able', 'agile', 'amused', 'ardent', 'awake', 'balmy', 'blissful', 'bold', 'brave', 'breezy',
  'bright', 'brisk', 'bubbly', 'calm', 'candid', 'careful', 'charming', 'cheerful', 'clever', 'cool',
  'cosmic', 'crisp', 'curious', 'daring', 'dazzling', 'devoted', 'diligent', 'dreamy', 'eager', 'earnest',
  'elated', 'elegant', 'epic', 'fearless', 'festive', 'fluffy', 'focused', 'fond', 'frosty', 'gallant',
  'gentle', 'gifted', 'glad', 'gleeful', 'golden', 'graceful', 'happy', 'hardy', 'hearty', 'helpful',
  'honest', 'hopeful', 'humble', 'jolly', 'jovial', 'keen', 'kind', 'lively', 'loyal', 'lucid',
  'lucky', 'mellow', 'merry', 'mighty', 'modest', 'nifty', 'nimble', 'noble', 'patient', 'peaceful',
  'placid', 'playful', 'plucky', 'polite', 'proud', 'quick', 'quiet', 'radiant', 'rapid', 'ready',
  'relaxed', 'resolute', 'robust', 'rosy', 'serene', 'sharp', 'shiny', 'sincere', 'sleepy', 'snappy',
  'sunny', 'swift', 'tender', 'thirsty', 'tidy', 'tranquil', 'trusty', 'upbeat', 'vibrant', 'vivid',
  'warm', 'wise', 'witty', 'zealous', 'zesty',
];

export const SURNAMES: readonly string[] = [
  'abel', 'adleman', 'agnesi', 'aho', 'allen', 'ampere', 'archimedes', 'avogadro', 'babbage', 'backus',
  'bardeen', 'bartik', 'bayes', 'bell', 'bernoulli', 'berners', 'blackwell', 'bohr', 'boole', 'borg',
  'bose', 'boyle', 'brahe', 'brattain', 'cantor', 'carson', 'cauchy', 'cerf', 'chandrasekhar', 'chebyshev',
  'church', 'clarke', 'codd', 'conway', 'copernicus', 'corbato', 'cori', 'cray', 'curie', 'dalton',
  'darwin', 'descartes', 'diffie', 'dijkstra', 'dirac', 'easley', 'edison', 'einstein', 'engelbart', 'euclid',
  'euler', 'faraday', 'fermat', 'fermi', 'feynman', 'fibonacci', 'fourier', 'franklin', 'galileo', 'galois',
  'gauss', 'germain', 'goldberg', 'goldwasser', 'goodall', 'gosling', 'hamilton', 'hamming', 'hawking', 'heisenberg',
  'hellman', 'hertz', 'hilbert', 'hodgkin', 'hollerith', 'hopper', 'hubble', 'huffman', 'huygens', 'hypatia',
  'jackson', 'jacobi', 'jemison', 'johnson', 'joule', 'kahan', 'kapitsa', 'karp', 'kay', 'kelvin',
  'kepler', 'kernighan', 'khorana', 'kilby', 'knuth', 'kolmogorov', 'lagrange', 'lamarr', 'lamport', 'laplace',
  'leakey', 'leavitt', 'lehmann', 'leibniz', 'liskov', 'lovelace', 'maxwell', 'mccarthy', 'mcclintock', 'meitner',
  'mendel', 'mendeleev', 'merkle', 'minsky', 'mirzakhani', 'moore', 'morse', 'napier', 'nash', 'naur',
  'newton', 'nightingale', 'nobel', 'noether', 'nyquist', 'ohm', 'pascal', 'pasteur', 'pauli', 'pauling',
  'perlman', 'planck', 'poincare', 'ptolemy', 'raman', 'ramanujan', 'rivest', 'ritchie', 'rubin', 'russell',
  'sagan', 'salk', 'sammet', 'sanger', 'schrodinger', 'shamir', 'shannon', 'shaw', 'sinoussi', 'snyder',
  'somerville', 'stallman', 'stonebraker', 'sutherland', 'swartz', 'tesla', 'thompson', 'torvalds', 'turing', 'vaughan',
  'volta', 'wallace', 'watt', 'wiles', 'williams', 'wilson', 'wing', 'wirth', 'wozniak', 'wu',
  'yalow', 'yonath', 'zuse',
];

export function randomName(random: Random): string {
  for (;;) {
    const adjective = ADJECTIVES[random.int(ADJECTIVES.length)]!;
    const surname = SURNAMES[random.int(SURNAMES.length)]!;
    const name = `${adjective}_${surname}`;
    // Docker re-rolls this one pairing; the rule is kept for parity.
    if (name !== 'boring_wozniak') return name;
  }
}

/**
 * Picks a free generated name the way the daemon does: the plain name first, then up to five
 * tries with one random digit appended, and finally the short ID.
 */
export function reserveGeneratedName(random: Random, taken: (name: string) => boolean, shortIdFallback: string): string {
  for (let attempt = 0; attempt < 6; attempt++) {
    let name = randomName(random);
    if (attempt > 0) name += String(random.int(10));
    if (!taken(name)) return name;
  }
  return shortIdFallback;
}
