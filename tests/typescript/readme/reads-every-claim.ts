// Reads every claim of the README's `AppClaims` from a value typed `CustomJwtSessionClaims`, with the
// types a frontend relies on. tsc must accept this file (tests/tests/frontend_tsc.rs).
export {};

declare const claims: CustomJwtSessionClaims;

const fullName: string = claims.fullName;
const primaryEmail: string = claims.primaryEmail;
const roles: string[] = claims.roles;
const tenant: number | undefined = claims.tenant;

// Each `@ts-expect-error` fails the compile unless the line after it is an error.
// @ts-expect-error `tenant` is optional: it may be missing
const required: number = claims.tenant;
// @ts-expect-error `roles` holds strings
const counts: number[] = claims.roles;
