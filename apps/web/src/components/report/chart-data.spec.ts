import { direction, scoreDomain } from './chart-data';
import { alphaText, fixed, pValue, signed } from './format';

describe('report chart data', () => {
  it('reads the direction of each pair without float noise', () => {
    expect(direction([49.9, 49.9])).toBe('unchanged');
    expect(direction([0.1 + 0.2, 0.3])).toBe('unchanged');
    expect(direction([3, 2.5])).toBe('declined');
  });

  it('keeps the whole Likert range and pads percent scores to tens within 0–100', () => {
    expect(scoreDomain([48.4, 55.5], 'percent')).toEqual([40, 70]);
    expect(scoreDomain([2, 98], 'percent')).toEqual([0, 100]);
    expect(scoreDomain([2, 3], 'likert')).toEqual([1, 5]);
    expect(scoreDomain(null, 'percent')).toEqual([0, 100]);
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
