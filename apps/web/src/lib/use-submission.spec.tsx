import { act, renderHook } from '@testing-library/react';
import { ApiError } from './api/api-client';
import { sendWithRetry } from './api/idempotency';
import { useSubmission } from './use-submission';

const network = () => new ApiError('NETWORK_ERROR', 'offline', 0);

describe('idempotent submissions', () => {
  it('retries a network failure automatically with the same key, never a new one', async () => {
    const keys: string[] = [];
    const send = jest.fn(async (key: string) => {
      keys.push(key);
      if (keys.length < 3) throw network();
      return 'ok';
    });
    await expect(sendWithRetry('key-123456', send, 2, 1)).resolves.toBe('ok');
    expect(keys).toEqual(['key-123456', 'key-123456', 'key-123456']);
  });

  it('does not retry what the server answered (a 409 is final)', async () => {
    const send = jest.fn(async () => {
      throw new ApiError('ALREADY_SUBMITTED', 'no', 409);
    });
    await expect(sendWithRetry('key-123456', send, 2, 1)).rejects.toMatchObject({ code: 'ALREADY_SUBMITTED' });
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('gives each user action a fresh key, but reuses it when the same request is pressed again after a network failure', async () => {
    const { result } = renderHook(() => useSubmission());
    const keys: string[] = [];
    const failing = async (key: string) => {
      keys.push(key);
      throw network();
    };
    const ok = async (key: string) => {
      keys.push(key);
      return key;
    };
    jest.useFakeTimers();
    // First press: fails on the network three times (one try + two automatic retries), all with one key.
    await act(async () => {
      const pending = result.current.submit({ answers: { q1: ['a'] } }, failing);
      await jest.runAllTimersAsync();
      await pending;
    });
    jest.useRealTimers();
    expect(new Set(keys).size).toBe(1);
    expect(result.current.error).toBeInstanceOf(ApiError);
    // Second press with the same answers: same key (the first may have reached the server).
    let second: string | undefined;
    await act(async () => {
      second = await result.current.submit({ answers: { q1: ['a'] } }, ok);
    });
    expect(second).toBe(keys[0]);
    // A new action after success: a new key.
    let third: string | undefined;
    await act(async () => {
      third = await result.current.submit({ answers: { q1: ['a'] } }, ok);
    });
    expect(third).not.toBe(keys[0]);
    expect(third).toMatch(/^[0-9a-f-]{36}$/);
  });
});
