/** What a learner sees of a fault of ours: the details go to the console, never to the terminal. */
export const INTERNAL_FAULT = '[cka-lab] Something went wrong inside the lab; the session goes on.';

/** The session's chunk could not be fetched (a server gone, a build replaced meanwhile). */
export const SESSION_NOT_LOADED = '[cka-lab] The lab could not be loaded; reload the page to try again.';
