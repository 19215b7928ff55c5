/**
 * Work over many items written as a generator that yields every so often: the same code runs
 * straight through (runToEnd) or, in the main process, in slices between other work
 * (src/main/time-slices.ts), so 100,000 events never hold up the app in one go.
 */

/** Items handled between two yields: a step takes well under a millisecond. */
export const ITEMS_PER_STEP = 512;

/** Runs work to its end without pausing and returns its result. */
export function runToEnd<Result>(steps: Generator<unknown, Result, undefined>): Result {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** True after every ITEMS_PER_STEP-th item: the place to yield. */
export function stepEnds(index: number): boolean {
  return index % ITEMS_PER_STEP === ITEMS_PER_STEP - 1;
}
