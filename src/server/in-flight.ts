/**
 * The requests a stop must wait for. A request counts from its first hook
 * until its handler has answered; when the caller goes away first, until the
 * handler ends all the same (its transaction still runs on the pool a stop
 * would close), or at once if its handler had not begun.
 */
export interface InFlightCounter {
  inFlight: number;
  lastAnsweredAt: number;
}

export interface InFlightRequest {
  /** The handler begins (after the key check and the body). */
  handlerStarted(): void;
  /** The answer is being sent: the handler is done. */
  answered(): void;
  /** The connection closed (answer sent, or the caller gone). */
  connectionClosed(): void;
}

export function beginRequest(counter: InFlightCounter): InFlightRequest {
  counter.inFlight++;
  let handling = false;
  let open = true;
  const end = () => {
    if (!open) return;
    open = false;
    counter.inFlight--;
    counter.lastAnsweredAt = Date.now();
  };
  return {
    handlerStarted: () => {
      handling = true;
    },
    answered: end,
    connectionClosed: () => {
      if (!handling) end();
    },
  };
}
