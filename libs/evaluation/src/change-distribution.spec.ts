import { changeDirection, changeDistribution, samplePairs } from './change-distribution';

// TV1 (R's sleep data) as percent scores: differences 1.2, 2.4, 1.3, 1.3, 0, 1.0, 1.8, 0.8, 4.6, 1.4.
const PRE = [0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0].map((x) => 50 + x);
const POST = [1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4].map((x) => 50 + x);

describe('changeDistribution', () => {
  it('reads the direction of each pair without float noise', () => {
    expect(changeDirection(49.9, 49.9)).toBe('unchanged');
    expect(changeDirection(0.1 + 0.2, 0.3)).toBe('unchanged');
    expect(changeDirection(3, 2.9)).toBe('declined');
  });

  it('bins the change with a nice width, zero-centred, every learner counted once', () => {
    const d = changeDistribution(PRE, POST, 'percent');
    expect(d.binWidth).toBe(1);
    expect(d.counts).toEqual({ improved: 9, unchanged: 1, declined: 0 });
    expect(d.bins.map((b) => b.centre)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(d.bins.reduce((n, b) => n + b.improved + b.unchanged + b.declined, 0)).toBe(10);
    expect(d.bins[0]).toEqual({ centre: 0, improved: 0, unchanged: 1, declined: 0 });
    expect(d.bins[5]).toEqual({ centre: 5, improved: 1, unchanged: 0, declined: 0 });
    expect(d.range).toEqual([48.4, 55.5]);
  });

  it('widens the bins to keep at most 12, keeps empty bins, and handles no pairs', () => {
    expect(changeDistribution([2, 4, 3], [4, 2, 3], 'likert').bins.map((b) => b.centre)).toEqual([-2, -1.5, -1, -0.5, 0, 0.5, 1, 1.5, 2]);
    const wide = changeDistribution([0, 100], [100, 0], 'percent');
    expect(wide.binWidth).toBe(20);
    expect(wide.bins).toHaveLength(11);
    expect(changeDistribution([], [], 'likert')).toEqual({ binWidth: 0.1, bins: [], counts: { improved: 0, unchanged: 0, declined: 0 }, range: null });
  });

  it('handles 200,000 pairs (no argument spreading)', () => {
    const pre = Array.from({ length: 200_000 }, (_, i) => i % 5);
    const post = pre.map((x) => x + 1);
    expect(changeDistribution(pre, post, 'likert').counts.improved).toBe(200_000);
  });
});

describe('samplePairs', () => {
  it('keeps every pair when there are few, else spreads the sample over the sorted pairs from first to last', () => {
    expect(samplePairs([2, 1], [4, 3], 400)).toEqual([[1, 3], [2, 4]]);
    const pre = Array.from({ length: 1000 }, (_, i) => 999 - i);
    const sample = samplePairs(pre, pre, 5);
    expect(sample.map(([p]) => p)).toEqual([0, 250, 500, 749, 999]);
    expect(samplePairs([7], [8], 1)).toEqual([[7, 8]]);
    expect(samplePairs([], [], 3)).toEqual([]);
  });

  it('is the same sample whatever order the pairs come in, with repeated pairs counted (few distinct scores)', () => {
    let seed = 11;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const pairs = Array.from({ length: 5000 }, () => [4 * Math.floor(rand() * 26), 4 * Math.floor(rand() * 26)] as [number, number]);
    const sample = (list: [number, number][]) => samplePairs(list.map(([a]) => a), list.map(([, b]) => b), 400);
    const shuffled = [...pairs].sort(() => rand() - 0.5);
    expect(sample(shuffled)).toEqual(sample(pairs));
    // The same as taking evenly spaced ranks of the fully sorted list.
    const sorted = [...pairs].sort((x, y) => x[0] - y[0] || x[1] - y[1]);
    expect(sample(pairs)).toEqual(Array.from({ length: 400 }, (_, j) => sorted[Math.round((j * 4999) / 399)]));
  });
});
