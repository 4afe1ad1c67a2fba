import { binWidth, changeBins, countDirections, direction, scoreDomain } from './chart-data';
import { alphaText, fixed, pValue, signed } from './format';

// TV1 (R's sleep data) as percent scores: differences 1.2, 2.4, 1.3, 1.3, 0, 1.0, 1.8, 0.8, 4.6, 1.4.
const PRE = [0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0].map((x) => 50 + x);
const POST = [1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4].map((x) => 50 + x);
const PAIRS = PRE.map((p, i) => [p, POST[i]!] as [number, number]);

describe('report chart data', () => {
  it('reads the direction of each pair without float noise', () => {
    expect(direction([49.9, 49.9])).toBe('unchanged');
    expect(direction([0.1 + 0.2, 0.3])).toBe('unchanged');
    expect(countDirections(PAIRS)).toEqual({ improved: 9, unchanged: 1, declined: 0 });
  });

  it('bins the change with a nice width, zero-centred, every learner counted once', () => {
    expect(binWidth(PAIRS, 'percent')).toBe(1);
    const bins = changeBins(PAIRS, 'percent');
    expect(bins.map((b) => b.centre)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(bins.reduce((n, b) => n + b.improved + b.unchanged + b.declined, 0)).toBe(10);
    expect(bins[0]).toEqual({ centre: 0, improved: 0, unchanged: 1, declined: 0 });
    expect(bins[5]).toEqual({ centre: 5, improved: 1, unchanged: 0, declined: 0 });
    expect(changeBins([[2, 4], [4, 2], [3, 3]], 'likert').map((b) => b.centre)).toEqual([-2, -1.5, -1, -0.5, 0, 0.5, 1, 1.5, 2]);
    expect(changeBins([], 'likert')).toEqual([]);
  });

  it('keeps the whole Likert range and pads percent scores to tens within 0–100', () => {
    expect(scoreDomain(PAIRS, 'percent')).toEqual([40, 70]);
    expect(scoreDomain([[2, 98]], 'percent')).toEqual([0, 100]);
    expect(scoreDomain([[2, 3]], 'likert')).toEqual([1, 5]);
  });
});

describe('report number format', () => {
  it('uses a true minus, explicit plus and R-like p values', () => {
    expect(fixed(-0.2, 2)).toBe('\u22120.20');
    expect(fixed(-0.001, 2)).toBe('0.00');
    expect(signed(1.58, 2)).toBe('+1.58');
    expect(signed(0, 2)).toBe('0.00');
    expect(pValue(0.002833)).toBe('0.003');
    expect(pValue(0.0004)).toBe('< 0.001');
    expect(pValue(0.0499)).toBe('< 0.05');
  });

  it('never rounds an α below 0.70 up to "0.70"', () => {
    expect(alphaText(0.591719)).toBe('0.59');
    expect(alphaText(0.6996)).toBe('0.6996');
    expect(alphaText(0.7)).toBe('0.70');
  });
});
