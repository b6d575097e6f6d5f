import type { FormEvent } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { onSubmitRun } from './on-submit';

describe('onSubmitRun', () => {
  it('keeps the page (no navigation) and runs the action once', () => {
    const run = vi.fn(() => Promise.resolve());
    const event = { preventDefault: vi.fn() } as unknown as FormEvent;
    onSubmitRun(run)(event);
    expect(event.preventDefault).toHaveBeenCalledOnce();
    expect(run).toHaveBeenCalledOnce();
  });
});
