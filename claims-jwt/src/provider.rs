//! Verifiers for Clerk and Stytch session tokens in one call each: where the provider publishes its keys,
//! and the issuer, audience, algorithm and token age it implies.

#[cfg(feature = "remote-jwks")]
use std::time::Duration;

use jsonwebtoken::Algorithm;

use crate::{Clerk, Error, Verifier, VerifyingKey};
#[cfg(feature = "remote-jwks")]
use crate::{JwksError, JwksOptions, RemoteJwks, Stytch};

/// Where Clerk's Frontend API, and a Stytch custom domain, publish their JWKS.
#[cfg(feature = "remote-jwks")]
const WELL_KNOWN_JWKS: &str = "/.well-known/jwks.json";
/// Stytch's API for `project-test-…` ids.
#[cfg(feature = "remote-jwks")]
const STYTCH_TEST_API: &str = "https://test.stytch.com";
/// Stytch's API for `project-live-…` ids.
#[cfg(feature = "remote-jwks")]
const STYTCH_LIVE_API: &str = "https://api.stytch.com";
/// The JWKS of a Stytch project on its API host: this, then the project id.
#[cfg(feature = "remote-jwks")]
const STYTCH_JWKS_PATH: &str = "/v1/sessions/jwks/";

/// Clerk and Stytch sign session tokens with RS256 only.
const PROVIDER_ALGORITHM: Algorithm = Algorithm::RS256;

impl Verifier<Clerk> {
    /// A verifier for the Clerk instance whose Frontend API is at `frontend_api` (e.g.
    /// `https://clerk.example.com`, or `https://<slug>.clerk.accounts.dev` in development): keys from
    /// `<frontend_api>/.well-known/jwks.json` (RS256 only), issuer `frontend_api`, the 5 s clock skew of
    /// Clerk's SDKs ([`Clerk`]'s default leeway). Add the authorized parties (your app's origins) with
    /// [`Verifier::with_authorized_party`].
    ///
    /// ```
    /// use claims_jwt::{Clerk, JwksOptions, Verifier};
    ///
    /// let verifier = Verifier::<Clerk>::clerk("https://clerk.example.com/", JwksOptions::default())?
    ///     .with_authorized_party("https://example.com");
    /// let jwks = verifier.remote_jwks().unwrap();
    /// assert_eq!(jwks.url(), "https://clerk.example.com/.well-known/jwks.json");
    /// assert_eq!(jwks.options().algorithms(), [claims_jwt::Algorithm::RS256]);
    /// # Ok::<(), claims_jwt::Error>(())
    /// ```
    #[cfg(feature = "remote-jwks")]
    pub fn clerk(frontend_api: &str, options: JwksOptions) -> Result<Self, Error> {
        Self::clerk_with_proxy(frontend_api, frontend_api, options)
    }

    /// [`Verifier::clerk`], fetching the keys through `proxy_url` instead (Clerk's `proxyUrl`, or a test
    /// server): from `<proxy_url>/.well-known/jwks.json`, while the issuer stays `frontend_api`.
    ///
    /// ```
    /// # use claims_jwt::{Clerk, JwksOptions, Verifier};
    /// let verifier = Verifier::<Clerk>::clerk_with_proxy(
    ///     "https://clerk.example.com",
    ///     "https://example.com/__clerk",
    ///     JwksOptions::default(),
    /// )?;
    /// assert_eq!(verifier.remote_jwks().unwrap().url(), "https://example.com/__clerk/.well-known/jwks.json");
    /// # Ok::<(), claims_jwt::Error>(())
    /// ```
    #[cfg(feature = "remote-jwks")]
    pub fn clerk_with_proxy(
        frontend_api: &str,
        proxy_url: &str,
        options: JwksOptions,
    ) -> Result<Self, Error> {
        let url = format!("{}{WELL_KNOWN_JWKS}", proxy_url.trim_end_matches('/'));
        let jwks = RemoteJwks::new(&url, options.with_algorithms(&[PROVIDER_ALGORITHM]))?;
        Ok(Self::from_remote_jwks(jwks).with_issuer(frontend_api.trim_end_matches('/')))
    }

    /// A verifier needing no network: the PEM public key Clerk shows in its dashboard (its
    /// `CLERK_JWT_KEY`), with real or `\n`-escaped line breaks, or its base64 body alone; RS256, the 5 s
    /// clock skew of Clerk's SDKs. The key says nothing of the issuer: add it with
    /// [`Verifier::with_issuer`], and the authorized parties with [`Verifier::with_authorized_party`].
    ///
    /// ```
    /// use claims_jwt::{Clerk, Error, Verifier};
    ///
    /// let pem = include_str!("../tests/keys/rsa2048.pub.pem");
    /// let verifier = Verifier::<Clerk>::clerk_jwt_key(pem)?.with_issuer("https://clerk.example.com");
    /// // As an environment variable often holds it: one line, `\n` escapes.
    /// assert!(Verifier::<Clerk>::clerk_jwt_key(&pem.replace('\n', "\\n")).is_ok());
    /// assert!(matches!(Verifier::<Clerk>::clerk_jwt_key("not a key"), Err(Error::Key(_))));
    /// # Ok::<(), Error>(())
    /// ```
    pub fn clerk_jwt_key(pem: &str) -> Result<Self, Error> {
        const BEGIN: &str = "-----BEGIN PUBLIC KEY-----";
        const END: &str = "-----END PUBLIC KEY-----";
        let body: String = pem
            .replace(BEGIN, "")
            .replace(END, "")
            .replace("\\n", "")
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect();
        if !body.is_ascii() {
            return Err(Error::Key(
                jsonwebtoken::errors::ErrorKind::InvalidKeyFormat.into(),
            ));
        }
        let mut normalized = String::with_capacity(body.len() + 80);
        normalized.push_str(BEGIN);
        for line in body.as_bytes().chunks(64) {
            normalized.push('\n');
            normalized.push_str(&String::from_utf8_lossy(line));
        }
        normalized.push('\n');
        normalized.push_str(END);
        normalized.push('\n');
        let key = VerifyingKey::from_rsa_pem(PROVIDER_ALGORITHM, normalized.as_bytes())?;
        Ok(Self::new(key))
    }
}

#[cfg(feature = "remote-jwks")]
impl Verifier<Stytch> {
    /// The maximum token age Stytch's SDKs apply by default (`max_token_age_seconds`, 300 s in its Ruby
    /// SDK), set by the Stytch verifiers; change it with [`Verifier::with_max_token_age`].
    pub const STYTCH_MAX_TOKEN_AGE: Duration = Duration::from_secs(300);

    /// A verifier for the Stytch project `project_id`: keys from `/v1/sessions/jwks/<project_id>` on
    /// `https://test.stytch.com` for a `project-test-…` id or `https://api.stytch.com` for a
    /// `project-live-…` one (RS256 only), issuer `stytch.com/<project_id>`, audience `project_id`, tokens
    /// at most [`Self::STYTCH_MAX_TOKEN_AGE`] old.
    ///
    /// ```
    /// use claims_jwt::{Error, JwksError, JwksOptions, Stytch, Verifier};
    ///
    /// let id = "project-test-6c20cd16-73d5-44f7-852c-9a7e7b2ccf62";
    /// let verifier = Verifier::<Stytch>::stytch(id, JwksOptions::default())?;
    /// assert_eq!(
    ///     verifier.remote_jwks().unwrap().url(),
    ///     "https://test.stytch.com/v1/sessions/jwks/project-test-6c20cd16-73d5-44f7-852c-9a7e7b2ccf62"
    /// );
    /// assert_eq!(
    ///     Verifier::<Stytch>::stytch("6c20cd16", JwksOptions::default()).unwrap_err(),
    ///     Error::Jwks(JwksError::InvalidProjectId { project_id: "6c20cd16".into() })
    /// );
    /// # Ok::<(), Error>(())
    /// ```
    pub fn stytch(project_id: &str, options: JwksOptions) -> Result<Self, Error> {
        let api = if project_id.starts_with("project-test-") {
            STYTCH_TEST_API
        } else if project_id.starts_with("project-live-") {
            STYTCH_LIVE_API
        } else {
            return Err(invalid_project_id(project_id));
        };
        Self::stytch_with_base_url(project_id, api, options)
    }

    /// [`Verifier::stytch`], fetching from `/v1/sessions/jwks/<project_id>` on `base_url` instead of
    /// Stytch's API host (a proxy, or a test server).
    ///
    /// ```
    /// # use claims_jwt::{JwksOptions, Stytch, Verifier};
    /// let verifier = Verifier::<Stytch>::stytch_with_base_url("project-live-1", "http://127.0.0.1:8080/", JwksOptions::default())?;
    /// assert_eq!(verifier.remote_jwks().unwrap().url(), "http://127.0.0.1:8080/v1/sessions/jwks/project-live-1");
    /// # Ok::<(), claims_jwt::Error>(())
    /// ```
    pub fn stytch_with_base_url(
        project_id: &str,
        base_url: &str,
        options: JwksOptions,
    ) -> Result<Self, Error> {
        check_project_id(project_id)?;
        let url = format!(
            "{}{STYTCH_JWKS_PATH}{project_id}",
            base_url.trim_end_matches('/')
        );
        Ok(Self::stytch_verifier(project_id, &url, options)?
            .with_issuer(format!("stytch.com/{project_id}")))
    }

    /// A verifier for the Stytch project `project_id` served on its custom domain `domain` (e.g.
    /// `login.example.com`): keys from `https://<domain>/.well-known/jwks.json`, issuer `https://<domain>`
    /// (and `stytch.com/<project_id>`, which tokens minted before the domain carry), otherwise as
    /// [`Verifier::stytch`].
    ///
    /// ```
    /// # use claims_jwt::{Error, JwksError, JwksOptions, Stytch, Verifier};
    /// let verifier = Verifier::<Stytch>::stytch_custom_domain("project-live-1", "login.example.com", JwksOptions::default())?;
    /// assert_eq!(verifier.remote_jwks().unwrap().url(), "https://login.example.com/.well-known/jwks.json");
    /// let err = Verifier::<Stytch>::stytch_custom_domain("project-live-1", "https://login.example.com", JwksOptions::default());
    /// assert!(matches!(err, Err(Error::Jwks(JwksError::InvalidUrl { .. }))));
    /// # Ok::<(), Error>(())
    /// ```
    pub fn stytch_custom_domain(
        project_id: &str,
        domain: &str,
        options: JwksOptions,
    ) -> Result<Self, Error> {
        check_project_id(project_id)?;
        let url = format!("https://{domain}{WELL_KNOWN_JWKS}");
        let host_only = reqwest::Url::parse(&url).is_ok_and(|parsed| {
            parsed
                .host_str()
                .is_some_and(|host| host.eq_ignore_ascii_case(domain))
                && parsed.path() == WELL_KNOWN_JWKS
        });
        if !host_only {
            return Err(Error::Jwks(JwksError::InvalidUrl {
                url,
                reason: format!(
                    "`{domain}` is not a bare domain; pass the custom domain alone, e.g. `login.example.com`"
                ),
            }));
        }
        Ok(Self::stytch_verifier(project_id, &url, options)?
            .with_issuer(format!("https://{domain}"))
            .with_issuer(format!("stytch.com/{project_id}")))
    }

    fn stytch_verifier(project_id: &str, url: &str, options: JwksOptions) -> Result<Self, Error> {
        let jwks = RemoteJwks::new(url, options.with_algorithms(&[PROVIDER_ALGORITHM]))?;
        Ok(Self::from_remote_jwks(jwks)
            .with_audience(project_id)
            .with_max_token_age(Self::STYTCH_MAX_TOKEN_AGE))
    }
}

/// A project id goes into a URL path: letters, digits and dashes only.
#[cfg(feature = "remote-jwks")]
fn check_project_id(project_id: &str) -> Result<(), Error> {
    let plain = !project_id.is_empty()
        && project_id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-');
    if plain {
        Ok(())
    } else {
        Err(invalid_project_id(project_id))
    }
}

#[cfg(feature = "remote-jwks")]
fn invalid_project_id(project_id: &str) -> Error {
    Error::Jwks(JwksError::InvalidProjectId {
        project_id: project_id.to_owned(),
    })
}
