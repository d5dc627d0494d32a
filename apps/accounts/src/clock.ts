/** The service's one source of the current time; tests pass their own to move it forward. */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();
