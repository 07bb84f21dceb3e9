// Reads every claim of `EveryShape` (tests/src/frontend.rs) from a value typed `CustomJwtSessionClaims`,
// with the type each shape and serde attribute must give. tsc must accept this file.
export {};

declare const claims: CustomJwtSessionClaims;

const displayName: string = claims.displayName;
const email: string = claims["e-mail"];
const numbers: number[] = [claims.small, claims.signed, claims.ratio, claims.big, claims.huge, claims.visits];
const verified: boolean = claims.verified;
const initial: string = claims.initial;
const nickname: string | null = claims.nickname;
const plan: string | undefined = claims.plan;
const tags: string[] | undefined = claims.tags;
const level: number | null | undefined = claims.level;
const scores: number[] = claims.scores;
const tenantIds: number[] = claims.tenantIds;
const perms: Record<string, string[]> = claims.perms;
const flags: Record<string, boolean> = claims.flags;
const orgName: string = claims.org.name;
const orgSlug: string | undefined = claims.org.slug;
const orgNames: string[] = claims.orgs.map((org) => org.name);
const backupName: string | undefined = claims.backupOrg?.name;
const metadata: unknown = claims.metadata;
const role: "admin" | "member" = claims.role;

// Each `@ts-expect-error` fails the compile unless the line after it is an error.
// @ts-expect-error `nickname` is written `null` when absent
const nick: string = claims.nickname;
// @ts-expect-error `backupOrg` may be `null`
const backup: { name: string } = claims.backupOrg;
// @ts-expect-error `role` is one of two strings
const owner: "owner" = claims.role;
// @ts-expect-error `cache` is `#[serde(skip)]`: never written, not declared
const cache: number = claims.cache;
// @ts-expect-error `metadata` is `unknown` until narrowed
const plan2: string = claims.metadata.plan;
