/** Bumped whenever the walker's output for the same layer, or its stored form, changes (2: stored by column). */
export const WALKER_VERSION = 2;
