//! `claims mint`: a token for local development, from a claims file, a layout, a TTL and a key, minted
//! by claims-jwt's `Minter`, so it refuses exactly what the minter refuses.

use claims_jwt::{Audience, BoundedLayout, Clerk, Clock, Error, Generic, Minter, Payload, Stytch};
use serde::Serialize;
use serde_json::{Map, Value};

use crate::cli::{Format, MintArgs};
use crate::dates::NUMERIC_DATES;
use crate::exit::{Failure, Outcome};
use crate::layout::{self, LayoutName};
use crate::{input, jws, keys, output, time, wording};

/// `claims mint --format json`.
#[derive(Serialize)]
struct MintOutput<'a> {
    token: &'a str,
    layout: &'static str,
    algorithm: String,
    kid: Option<&'a str>,
    /// Characters of the token.
    length: usize,
    cookie: &'a str,
    /// Bytes of `name=token`.
    cookie_bytes: usize,
    cookie_limit: usize,
    issued_at: u64,
    expires_at: u64,
}

/// Runs `claims mint`.
pub(crate) fn run(args: &MintArgs) -> Result<Outcome, Failure> {
    let claims = match &args.claims {
        Some(path) => input::text(Some(path), "the claims")?,
        None => "{}".to_owned(),
    };
    match args.layout {
        LayoutName::Clerk => mint::<Clerk>(args, &claims),
        LayoutName::Stytch => mint::<Stytch>(args, &claims),
        LayoutName::Generic => mint::<Generic>(args, &claims),
    }
}

fn mint<L: BoundedLayout>(args: &MintArgs, claims: &str) -> Result<Outcome, Failure> {
    // The same single-pass parse a verifier makes: registered and layout claims typed, names unique.
    let mut payload = Payload::<Map<String, Value>, L>::from_json(claims.as_bytes())
        .map_err(|err| Failure::input(format!("the claims: {err}")))?;
    let registered = &mut payload.registered;
    if let Some(date) = NUMERIC_DATES
        .iter()
        .find(|date| (date.get)(registered).is_some())
    {
        return Err(Failure::input(format!(
            "the claims set `{}`, which the minter writes itself (from --at and --ttl); remove it",
            date.name
        )));
    }
    if let Some(sub) = &args.sub {
        registered.sub = Some(sub.clone());
    }
    match args.audience.as_slice() {
        [] => {}
        [one] => registered.aud = Some(Audience::One(one.clone())),
        many => registered.aud = Some(Audience::Many(many.to_vec())),
    }

    let key = keys::signing(&args.key, args.alg, args.kid.as_deref())?;
    let algorithm = format!("{:?}", key.algorithm());
    let mut minter = Minter::<L>::new(key)
        .with_ttl(args.ttl)
        .with_not_before_skew(args.not_before_skew);
    if let Some(at) = args.at {
        minter = minter.with_clock(Clock::fixed(at));
    }
    if let Some(issuer) = &args.issuer {
        minter = minter.with_issuer(issuer);
    }
    let token = minter.mint(&payload).map_err(|err| {
        let largest = wording::run_size(args.claims.as_deref(), L::NAME);
        let message = wording::mint_error(&err, L::NAME, &largest);
        match err {
            // The claims broke a rule the minter enforces (custom claims, or the layout's bounds that a
            // cookie proof counts): the token is refused.
            Error::Claims(_) | Error::LayoutBound { .. } => Failure::refused(message),
            _ => Failure::input(message),
        }
    })?;

    // A layout is read from its claims: without one of them, `inspect` takes the token for generic.
    let detected = jws::decode(token.as_str()).map(|compact| layout::detect(&compact.claims).0);
    if args.layout != LayoutName::Generic && detected.is_ok_and(|detected| detected != args.layout)
    {
        output::note(&format!(
            "note: none of the claims is one only a {layout} token has, so `claims inspect` reads the \
             token as generic; inspect it with --layout {layout}",
            layout = L::NAME
        ));
    }

    let cookie = minter.cookie();
    match args.format {
        Format::Json => output::print_json(&MintOutput {
            token: token.as_str(),
            layout: L::NAME,
            algorithm,
            kid: args.kid.as_deref(),
            length: token.len(),
            cookie: cookie.name(),
            cookie_bytes: token.cookie_len(),
            cookie_limit: cookie.limit(),
            issued_at: token.issued_at(),
            expires_at: token.expires_at(),
        }),
        Format::Text => {
            output::print(&format!("{}\n", token.as_str()));
            output::note(&format!(
                "minted a {} token ({algorithm}): {} chars; cookie `{}` {} of {} bytes; valid from {} to {}",
                L::NAME,
                token.len(),
                cookie.name(),
                token.cookie_len(),
                cookie.limit(),
                time::utc(token.issued_at()),
                time::utc(token.expires_at()),
            ));
        }
    }
    Ok(Outcome::Passed)
}
