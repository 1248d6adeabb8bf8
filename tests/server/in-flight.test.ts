import { describe, expect, it } from 'vitest';
import { beginRequest } from '../../src/server/in-flight.js';

describe('requests in flight (what a stop waits for)', () => {
  it('counts a request until its handler answers, even when the caller went away first', () => {
    const c = { inFlight: 0, lastAnsweredAt: 0 };
    const r = beginRequest(c);
    r.handlerStarted();
    r.connectionClosed();
    expect(c.inFlight).toBe(1);
    r.answered();
    expect(c.inFlight).toBe(0);
    expect(c.lastAnsweredAt).toBeGreaterThan(0);
    r.connectionClosed();
    r.answered();
    expect(c.inFlight).toBe(0);
  });

  it('lets a request go at once when the caller leaves before its handler began', () => {
    const c = { inFlight: 0, lastAnsweredAt: 0 };
    const a = beginRequest(c);
    const b = beginRequest(c);
    expect(c.inFlight).toBe(2);
    a.connectionClosed();
    expect(c.inFlight).toBe(1);
    b.answered();
    b.connectionClosed();
    expect(c.inFlight).toBe(0);
  });
});
