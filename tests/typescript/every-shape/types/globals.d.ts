// Generated from the Rust type `EveryShape` by #[derive(SessionClaims)]; regenerate it, don't edit it.
export {};

declare global {
  interface CustomJwtSessionClaims {
    /**
     * The name to greet the user by.
     *
     * Their first name when they gave one.
     *
     * At most 64 bytes of JSON-escaped text (`max_len = 64`).
     */
    displayName: string;
    /** `rename` to a name that is not an identifier. */
    "e-mail": string;
    small: number;
    signed: number;
    ratio: number;
    /** A 64-bit integer: JSON.parse rounds values beyond Number.MAX_SAFE_INTEGER (2^53 - 1). */
    big: number;
    /** A 128-bit integer: JSON.parse rounds values beyond Number.MAX_SAFE_INTEGER (2^53 - 1). */
    huge: number;
    verified: boolean;
    initial: string;
    /** `Option` without `skip_serializing_if`: always written, maybe `null`. */
    nickname: string | null;
    /**
     * `Option` skipped when `None`: missing, never `null`.
     *
     * At most 16 bytes of JSON-escaped text (`max_len = 16`).
     */
    plan?: string;
    /**
     * Another predicate: missing when empty.
     *
     * At most 4 items (`max_items = 4`); each string at most 16 bytes of JSON-escaped text (`max_len = 16`).
     */
    tags?: string[];
    /** `Option<Option<T>>` skipped when `None`: `Some(None)` is still written `null`. */
    level?: number | null;
    /** `default` only changes reading: the claim is always written. */
    visits: number;
    scores: number[];
    /** Holds 64-bit integers: JSON.parse rounds values beyond Number.MAX_SAFE_INTEGER (2^53 - 1). */
    tenantIds: number[];
    /** At most 8 members (`max_items = 8`); each string at most 32 bytes of JSON-escaped text (`max_len = 32`). */
    perms: Record<string, string[]>;
    flags: Record<string, boolean>;
    org: {
      /**
       * The organization's name.
       *
       * At most 32 bytes of JSON-escaped text (`max_len = 32`).
       */
      name: string;
      /** Its slug, when it has one. */
      slug?: string;
    };
    orgs: {
      /**
       * The organization's name.
       *
       * At most 32 bytes of JSON-escaped text (`max_len = 32`).
       */
      name: string;
      /** Its slug, when it has one. */
      slug?: string;
    }[];
    backupOrg: {
      /**
       * The organization's name.
       *
       * At most 32 bytes of JSON-escaped text (`max_len = 32`).
       */
      name: string;
      /** Its slug, when it has one. */
      slug?: string;
    } | null;
    metadata: unknown;
    /** A type written by hand. */
    role: "admin" | "member";
  }
}
