// Number formatting for the report, matching the server's reading sentences (libs/evaluation/interpretation.ts):
// '.' as decimal separator (the usage in Peru in both languages) and a true minus sign.

const MINUS = '\u2212';
export type Scale = 'percent' | 'likert';

export function fixed(value: number, digits: number): string {
  const text = Math.abs(value).toFixed(digits);
  return (value < 0 && Number(text) !== 0 ? MINUS : '') + text;
}

/** With an explicit sign: "+1.58", "−0.20", "0.00". */
export function signed(value: number, digits: number): string {
  const text = fixed(value, digits);
  return value > 0 && Number(Math.abs(value).toFixed(digits)) !== 0 ? `+${text}` : text;
}

/** "< 0.001" or "0.003" (the number after "p"). */
export function pValue(p: number): string {
  if (p < 0.001) return '< 0.001';
  if (p < 0.05 && Number(p.toFixed(3)) >= 0.05) return '< 0.05';
  return fixed(p, 3);
}

/** Decimals for scores on a scale: percent 1, Likert 2. */
export const scoreDigits = (scale: Scale) => (scale === 'percent' ? 1 : 2);

export function share(value: number): string {
  return `${Math.round(value * 100)} %`;
}

/** α to two decimals, with more only when rounding would carry a value below 0.70 up to "0.70" (as the server's reading does). */
export function alphaText(alpha: number): string {
  let digits = 2;
  while (digits < 6 && alpha < 0.7 && Number(alpha.toFixed(digits)) >= 0.7) digits++;
  return fixed(alpha, digits);
}
