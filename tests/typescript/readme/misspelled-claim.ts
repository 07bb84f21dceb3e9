// Reads a claim the README's `AppClaims` does not have: tsc must refuse this file
// (tests/tests/frontend_tsc.rs asserts the error).
export {};

declare const claims: CustomJwtSessionClaims;

const email: string = claims.primaryEmailAddress;
