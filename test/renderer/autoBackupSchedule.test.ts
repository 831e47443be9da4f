import { describe, expect, it, vi } from 'vitest';

vi.mock('../../renderer/src/api', () => ({ call: vi.fn() }));
const { CHECK_EVERY_MS, FIRST_CHECK_MS, scheduleAutoBackup } = await import('../../renderer/src/features/casefile/useAutoBackup');

// The app asks the core for a due automatic backup soon after opening, then hourly, and stops when the case closes.
describe('automatic backup checks', () => {
  it('first after the opening moment, then every hour; a failed check is no crash; stop ends them', async () => {
    vi.useFakeTimers();
    try {
      const results = [{ ran: true }, { ran: false }];
      const check = vi.fn(async () => {
        const r = results.shift();
        if (!r) throw new Error('drive full');
        return r;
      });
      const ran = vi.fn();
      const stop = scheduleAutoBackup(check, ran);
      await vi.advanceTimersByTimeAsync(FIRST_CHECK_MS - 1);
      expect(check).not.toHaveBeenCalled();
      await vi.advanceTimersByTimeAsync(1);
      expect(check).toHaveBeenCalledTimes(1);
      expect(ran).toHaveBeenCalledTimes(1);
      await vi.advanceTimersByTimeAsync(CHECK_EVERY_MS);
      expect(check).toHaveBeenCalledTimes(2);
      expect(ran).toHaveBeenCalledTimes(1);
      await vi.advanceTimersByTimeAsync(CHECK_EVERY_MS);
      expect(check).toHaveBeenCalledTimes(3);
      stop();
      await vi.advanceTimersByTimeAsync(CHECK_EVERY_MS * 3);
      expect(check).toHaveBeenCalledTimes(3);
    } finally {
      vi.useRealTimers();
    }
  });
});
