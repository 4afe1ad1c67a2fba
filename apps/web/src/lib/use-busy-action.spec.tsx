import { act, renderHook } from '@testing-library/react';
import { useBusyAction } from './use-busy-action';

describe('useBusyAction', () => {
  it('is busy while the work runs and keeps the error it failed with, until the next action clears it', async () => {
    const { result } = renderHook(() => useBusyAction());
    let finish!: () => void;
    let pending!: Promise<boolean>;
    act(() => {
      pending = result.current.run(() => new Promise<void>((resolve) => (finish = resolve)));
    });
    expect(result.current.busy).toBe(true);
    await act(async () => {
      finish();
      await expect(pending).resolves.toBe(true);
    });
    expect(result.current.busy).toBe(false);

    const refused = new Error('refused');
    await act(async () => {
      await expect(result.current.run(async () => { throw refused; })).resolves.toBe(false);
    });
    expect(result.current).toMatchObject({ busy: false, error: refused });

    await act(async () => {
      await result.current.run(async () => undefined);
    });
    expect(result.current.error).toBeNull();
  });
});
