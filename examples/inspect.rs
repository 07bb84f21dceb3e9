//! Token inspector: reads a compact JWT, sorts its claims into registered, provider-layout and custom
//! ones, checks its signature and times when given a key, and reports what each claim costs in the cookie.
//!
//! ```sh
//! cargo run --example inspect                                   # inspects a demo Clerk token
//! cargo run --example inspect -- TOKEN                          # decode only: no key, nothing trusted
//! cargo run --example inspect -- TOKEN --jwks jwks.json         # verify with a JWKS document (by kid)
//! cargo run --example inspect -- TOKEN --secret SECRET          # verify HS256 with a shared secret
//! cargo run --example inspect -- TOKEN --layout stytch          # generic, clerk (default) or stytch
//! ```

use std::process::ExitCode;
use std::time::Duration;

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use claims_jwt::claims_core::size::{CookieSpec, SignatureAlg, escaped_len};
use claims_jwt::claims_core::{ReservedNames, SizeReport};
use claims_jwt::{
    Clerk, Generic, KeySet, Layout, Minter, Payload, SigningKey, Stytch, Verifier, VerifyingKey,
};
use serde_json::{Map, Value, json};

type Dynamic = Map<String, Value>;

struct Options {
    token: String,
    key: Option<Key>,
    layout: String,
}

enum Key {
    Jwks(KeySet),
    Secret(VerifyingKey),
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<(), String> {
    let options = options()?;
    match options.layout.as_str() {
        "generic" => inspect::<Generic>(&options),
        "clerk" => inspect::<Clerk>(&options),
        "stytch" => inspect::<Stytch>(&options),
        other => Err(format!(
            "unknown layout `{other}`; expected generic, clerk or stytch"
        )),
    }
}

fn options() -> Result<Options, String> {
    let mut args = std::env::args().skip(1);
    let mut token = None;
    let mut key = None;
    let mut layout = "clerk".to_owned();
    while let Some(arg) = args.next() {
        let mut value = || args.next().ok_or(format!("`{arg}` needs a value"));
        match arg.as_str() {
            "--jwks" => {
                let path = value()?;
                let text = std::fs::read_to_string(&path).map_err(|e| format!("{path}: {e}"))?;
                key = Some(Key::Jwks(
                    KeySet::from_json(&text).map_err(|e| e.to_string())?,
                ));
            }
            "--secret" => key = Some(Key::Secret(VerifyingKey::hs256(value()?.as_bytes()))),
            "--layout" => layout = value()?,
            _ if token.is_none() => token = Some(arg),
            _ => return Err(format!("unexpected argument `{arg}`")),
        }
    }
    match token {
        Some(token) => Ok(Options { token, key, layout }),
        None => demo(),
    }
}

/// A Clerk-shaped token minted here, with the secret that verifies it.
fn demo() -> Result<Options, String> {
    const SECRET: &str = "inspector demo secret, 32 bytes or more";
    let claims: Dynamic = serde_json::from_value(json!({
        "fullName": "Ada Lovelace", "primaryEmail": "ada@example.com", "roles": ["admin", "billing"]
    }))
    .map_err(|e| e.to_string())?;
    let layout = Clerk {
        sid: Some("sess_2pJ8kQ3vX9mN4rT6yW1zB5cD7fG".into()),
        v: Some(2),
        fva: Some([0, -1]),
        ..Clerk::default()
    };
    let minted = Minter::<Clerk>::new(SigningKey::hs256(SECRET.as_bytes()).with_kid("ins_demo"))
        .with_issuer("https://clerk.example.com")
        .with_ttl(Duration::from_secs(60))
        .mint(
            &Payload::new(claims)
                .with_subject("user_2pJ8kQ3vX9mN4rT6yW1zB5cD7fH")
                .with_layout(layout),
        )
        .map_err(|e| e.to_string())?;
    println!("(no token given: inspecting a demo token verified with its secret)\n");
    Ok(Options {
        token: minted.into_string(),
        key: Some(Key::Secret(VerifyingKey::hs256(SECRET.as_bytes()))),
        layout: "clerk".into(),
    })
}

fn inspect<L: Layout>(options: &Options) -> Result<(), String> {
    let token = options.token.trim();
    let segments: Vec<&str> = token.split('.').collect();
    let [header, payload, signature] = segments.as_slice() else {
        return Err(format!(
            "a compact JWT has 3 segments, this has {}",
            segments.len()
        ));
    };
    let header_json = URL_SAFE_NO_PAD
        .decode(header)
        .map_err(|e| format!("header: {e}"))?;
    let payload_json = URL_SAFE_NO_PAD
        .decode(payload)
        .map_err(|e| format!("payload: {e}"))?;
    println!("header   {}", String::from_utf8_lossy(&header_json));

    let parsed = Payload::<Dynamic, L>::from_json(&payload_json).map_err(|e| e.to_string())?;
    println!("layout   {}", L::NAME);
    println!("registered {:?}", parsed.registered);
    println!("provider {:?}", parsed.layout);
    println!(
        "custom   {}",
        serde_json::to_string(&parsed.custom).map_err(|e| e.to_string())?
    );

    match &options.key {
        None => {
            println!("\nsignature not checked (give --jwks or --secret): nothing above is trusted");
        }
        Some(key) => {
            let verifier = match key {
                Key::Jwks(set) => Verifier::<L>::with_key_set(set.clone()),
                Key::Secret(key) => Verifier::<L>::new(key.clone()),
            };
            match verifier.verify::<Dynamic>(token) {
                Ok(_) => println!("\nverified: signature, algorithm and times are good"),
                Err(err) => println!(
                    "\nREFUSED ({}, HTTP {}): {err}",
                    match err.kind() {
                        claims_jwt::ErrorKind::Malformed => "malformed",
                        claims_jwt::ErrorKind::Unauthorized => "unauthorized",
                        _ => "other",
                    },
                    err.status()
                ),
            }
        }
    }

    let map: Dynamic = serde_json::from_slice(&payload_json).map_err(|e| e.to_string())?;
    let reserved: ReservedNames<'static> = L::RESERVED;
    let signature_len = signature.len() * 3 / 4;
    let alg = match signature_len {
        32 => SignatureAlg::Hs256,
        48 => SignatureAlg::Hs384,
        64 => SignatureAlg::Es256, // also HS512 and EdDSA: 64 bytes each
        96 => SignatureAlg::Es384,
        n => SignatureAlg::Rsa {
            modulus_bits: u32::try_from(n * 8).unwrap_or(u32::MAX),
        },
    };
    let cookie: CookieSpec = L::cookie();
    // The real custom-claims budget of this layout at its default bounds, with this token's `kid`.
    let header: Value = serde_json::from_slice(&header_json).map_err(|e| e.to_string())?;
    let kid_len = header["kid"].as_str().map(escaped_len);
    let report = SizeReport::new(&map, &reserved).with_token(header_json.len(), alg, L::cookie());
    let report = match claims_jwt::layout_budget(L::NAME, alg, kid_len, &cookie) {
        Some(budget) => report.with_token_budget(&budget),
        None => report,
    };
    println!("\n{report}");
    println!(
        "whole token: {} chars; in cookie `{}`: {} bytes",
        token.len(),
        cookie.name(),
        cookie.len_for(token.len())
    );
    Ok(())
}
