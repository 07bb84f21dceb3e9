// Generated from the Rust type `AppClaims` by #[derive(SessionClaims)]; regenerate it, don't edit it.
export {};

declare global {
  interface CustomJwtSessionClaims {
    /**
     * The user's full name.
     *
     * At most 64 bytes of JSON-escaped text (`max_len = 64`).
     */
    fullName: string;
    /**
     * The user's primary email address.
     *
     * At most 254 bytes of JSON-escaped text (`max_len = 254`).
     */
    primaryEmail: string;
    /**
     * The user's roles, from their public metadata.
     *
     * At most 8 items (`max_items = 8`); each string at most 32 bytes of JSON-escaped text (`max_len = 32`).
     */
    roles: string[];
    /**
     * The tenant the user belongs to, if any.
     *
     * A 64-bit integer: JSON.parse rounds values beyond Number.MAX_SAFE_INTEGER (2^53 - 1).
     */
    tenant?: number;
  }
}
