/** curl's progress meter, as it looks when the transfer is over before the first update. */

/** curl's five-character size: bytes, then k, M, G with one decimal where it fits. */
export function max5(n: number): string {
  const K = 1024;
  if (n < 100000) return String(n).padStart(5);
  if (n < 10000 * K) return `${String(Math.floor(n / K)).padStart(4)}k`;
  if (n < 100 * K * K)
    return `${Math.floor(n / K / K)}.${Math.floor((n % (K * K)) / ((K * K) / 10))}M`.padStart(5);
  if (n < 10000 * K * K) return `${String(Math.floor(n / K / K)).padStart(4)}M`;
  return `${String(Math.floor(n / K / K / K)).padStart(4)}G`;
}

const HEAD =
  '  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n                                 Dload  Upload   Total   Spent    Left  Speed\n';

function line(total: number, got: number, speed: number): string {
  const pct = (a: number, b: number) => String(b ? Math.floor((a * 100) / b) : 0).padStart(3);
  return `${pct(got, total)} ${max5(total)}  ${pct(got, total)} ${max5(got)}    0     0  ${max5(speed)}      0 --:--:-- --:--:-- --:--:-- ${max5(speed)}`;
}

/** The meter for a transfer of `bytes` that took about `ms`; a failed one stays at zero. */
export function meter(bytes: number | undefined, ms: number): string {
  const start = `\r${line(0, 0, 0)}`;
  if (bytes === undefined) return `${HEAD}${start}\n`;
  const speed = Math.floor((bytes * 1000) / Math.max(1, ms));
  return `${HEAD}${start}\r${line(bytes, bytes, speed)}\n`;
}
