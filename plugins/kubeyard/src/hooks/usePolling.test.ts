import { act, renderHook, waitFor } from '@testing-library/react';
import { usePolling } from './usePolling';

describe('usePolling', () => {
  afterEach(() => {
    jest.useRealTimers();
  });

  it('loads, refreshes on the interval, and keeps the value when a refresh fails', async () => {
    jest.useFakeTimers();
    const load = jest
      .fn<Promise<string>, []>()
      .mockResolvedValueOnce('first')
      .mockRejectedValueOnce(new Error('backend restarting'))
      .mockResolvedValueOnce('third');

    const { result } = renderHook(() => usePolling(load, [], 1000));
    expect(result.current.loading).toBe(true);
    await waitFor(() => expect(result.current.value).toBe('first'));
    expect(result.current.loading).toBe(false);

    await act(async () => {
      jest.advanceTimersByTime(1000);
    });
    await waitFor(() =>
      expect(result.current.error?.message).toBe('backend restarting'),
    );
    expect(result.current.value).toBe('first');
    expect(result.current.loading).toBe(false);

    await act(async () => {
      jest.advanceTimersByTime(1000);
    });
    await waitFor(() => expect(result.current.value).toBe('third'));
    expect(result.current.error).toBeUndefined();
    expect(load).toHaveBeenCalledTimes(3);
  });

  it('reports the first failure with no value', async () => {
    const load = jest.fn().mockRejectedValue('nope');
    const { result } = renderHook(() => usePolling(load, [], 60_000));
    await waitFor(() => expect(result.current.loading).toBe(false));
    expect(result.current.value).toBeUndefined();
    expect(result.current.error?.message).toBe('nope');
  });

  it('stops polling when unmounted', async () => {
    jest.useFakeTimers();
    const load = jest.fn().mockResolvedValue(1);
    const { result, unmount } = renderHook(() => usePolling(load, [], 1000));
    await waitFor(() => expect(result.current.value).toBe(1));
    unmount();
    await act(async () => {
      jest.advanceTimersByTime(5000);
    });
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('reloads at once on refresh, keeping the value, and only the latest answer counts', async () => {
    jest.useFakeTimers();
    let release: (value: string) => void = () => {};
    const load = jest
      .fn<Promise<string>, []>()
      .mockResolvedValueOnce('first')
      .mockImplementationOnce(
        () => new Promise<string>(resolve => (release = resolve)),
      )
      .mockResolvedValueOnce('third');
    const { result } = renderHook(() => usePolling(load, [], 60_000));
    await waitFor(() => expect(result.current.value).toBe('first'));

    act(() => result.current.refresh());
    expect(result.current.value).toBe('first');
    expect(result.current.loading).toBe(false);
    act(() => result.current.refresh());
    await waitFor(() => expect(result.current.value).toBe('third'));

    // The superseded request answers late and is ignored.
    await act(async () => release('second'));
    expect(result.current.value).toBe('third');
    expect(load).toHaveBeenCalledTimes(3);
  });
});
