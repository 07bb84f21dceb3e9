//! Session JWTs (work in progress).
