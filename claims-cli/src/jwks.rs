//! `claims keys`: a JWKS document key by key: what each is, the algorithm a claims-jwt verifier pins it
//! to, or why it cannot verify. Whether a key is usable is claims-jwt's own verdict (`KeySet::from_jwks`);
//! this module only explains it.

use std::fmt::Write;

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use claims_jwt::jwk::{
    AlgorithmParameters, EllipticCurve, Jwk, JwkSet, KeyOperations, PublicKeyUse,
};
use claims_jwt::{KeySet, VerifyingKey};
use serde::Serialize;
use serde_json::{Map, Value};

use crate::cli::{Format, KeysArgs};
use crate::exit::{Failure, Outcome};
use crate::keys::JwksSource;
use crate::output::{BAD, GOOD, LABEL, WARN, paint};
use crate::{input, output};

/// `claims keys --format json`.
#[derive(Serialize)]
struct KeysOutput {
    source: String,
    keys: Vec<KeySummary>,
    /// How many keys a verifier given this document can use.
    usable: usize,
    /// Why claims-jwt refuses the whole document (so `--jwks` fails), if it does.
    document_error: Option<String>,
    warnings: Vec<String>,
}

/// One key of the document.
#[derive(Serialize)]
struct KeySummary {
    kid: Option<String>,
    kty: Option<String>,
    alg: Option<String>,
    #[serde(rename = "use")]
    key_use: Option<String>,
    key_ops: Option<Vec<String>>,
    /// `RSA-2048`, `P-256`, `Ed25519`, `32-byte secret`.
    size: Option<String>,
    /// The one algorithm a claims-jwt verifier accepts with it, when usable.
    verifies: Option<String>,
    /// Why it cannot verify, when not.
    unusable: Option<String>,
}

/// Runs `claims keys`.
pub(crate) fn run(args: &KeysArgs) -> Result<Outcome, Failure> {
    let source = JwksSource::parse(&args.source);
    let text = source.read()?;
    let document = input::json_object(text.as_bytes()).map_err(|why| {
        Failure::input(format!(
            "{source} is not a JWKS document ({why}); expected {{\"keys\": [...]}}"
        ))
    })?;
    let Some(Value::Array(members)) = document.get("keys") else {
        return Err(Failure::input(format!(
            "{source} is not a JWKS document: it has no `keys` array; expected {{\"keys\": [...]}}"
        )));
    };

    let keys: Vec<KeySummary> = members.iter().map(summarize).collect();
    let document_error = KeySet::from_jwks_json(&text).err().map(|err| {
        format!("claims-jwt refuses the whole document ({err}), so `--jwks {source}` fails")
    });
    let mut warnings = Vec::new();
    let mut kids: Vec<&str> = keys.iter().filter_map(|key| key.kid.as_deref()).collect();
    kids.sort_unstable();
    for pair in kids.windows(2).filter(|pair| pair[0] == pair[1]) {
        warnings.push(format!(
            "kid `{}` names more than one key; a verifier uses the first usable one",
            pair[0]
        ));
    }
    warnings.dedup();
    let usable = if document_error.is_some() {
        0
    } else {
        keys.iter().filter(|key| key.verifies.is_some()).count()
    };
    let report = KeysOutput {
        source: source.to_string(),
        keys,
        usable,
        document_error,
        warnings,
    };
    match args.format {
        Format::Json => output::print_json(&report),
        Format::Text => output::print(&render(&report)),
    }
    Ok(Outcome::failed_if(report.usable == 0))
}

fn summarize(member: &Value) -> KeySummary {
    let empty = Map::new();
    let fields = member.as_object().unwrap_or(&empty);
    let text = |name: &str| fields.get(name).and_then(Value::as_str).map(str::to_owned);
    let key_ops = fields.get("key_ops").and_then(Value::as_array).map(|ops| {
        ops.iter()
            .map(|op| op.as_str().map_or_else(|| op.to_string(), str::to_owned))
            .collect()
    });
    let mut summary = KeySummary {
        kid: text("kid"),
        kty: text("kty"),
        alg: text("alg"),
        key_use: text("use"),
        key_ops,
        size: None,
        verifies: None,
        unusable: None,
    };
    let jwk = match serde_json::from_value::<Jwk>(member.clone()) {
        Ok(jwk) => jwk,
        Err(err) => {
            summary.unusable = Some(format!("not a JWK claims-jwt can read: {err}"));
            return summary;
        }
    };
    summary.size = size(&jwk);
    let usable = !KeySet::from_jwks(&JwkSet {
        keys: vec![jwk.clone()],
    })
    .is_empty();
    match VerifyingKey::from_jwk(&jwk) {
        Ok(key) if usable => summary.verifies = Some(format!("{:?}", key.algorithm())),
        built => summary.unusable = Some(why_unusable(&jwk, built.err())),
    }
    summary
}

/// Why claims-jwt leaves `jwk` out of a key set, in the order it checks.
fn why_unusable(jwk: &Jwk, error: Option<claims_jwt::Error>) -> String {
    if matches!(jwk.common.public_key_use, Some(PublicKeyUse::Encryption)) {
        return "`use` is `enc`: an encryption key, not a signature key".to_owned();
    }
    if let Some(ops) = &jwk.common.key_operations
        && !ops.contains(&KeyOperations::Verify)
    {
        return "`key_ops` does not include `verify`".to_owned();
    }
    if let AlgorithmParameters::EllipticCurve(params) = &jwk.algorithm
        && params.curve == EllipticCurve::P521
    {
        return "curve P-521 (ES512): jsonwebtoken does not verify it".to_owned();
    }
    match error {
        Some(err @ claims_jwt::Error::WeakKey { .. }) => err.to_string(),
        Some(err) => format!("{err}: jsonwebtoken does not verify with this key and `alg`"),
        None => "claims-jwt leaves it out of a key set".to_owned(),
    }
}

/// The key's size, as it bears on the signature: RSA modulus bits, the curve, the secret's bytes.
fn size(jwk: &Jwk) -> Option<String> {
    let decoded_len = |b64: &str| URL_SAFE_NO_PAD.decode(b64).ok();
    match &jwk.algorithm {
        AlgorithmParameters::RSA(rsa) => {
            let n = decoded_len(&rsa.n)?;
            let digits = &n[n.iter().take_while(|&&b| b == 0).count()..];
            let first = digits.first()?;
            let bits = (digits.len() - 1) * 8 + (8 - first.leading_zeros() as usize);
            Some(format!("RSA-{bits}"))
        }
        AlgorithmParameters::EllipticCurve(ec) => Some(curve(&ec.curve)),
        AlgorithmParameters::OctetKeyPair(okp) => Some(curve(&okp.curve)),
        AlgorithmParameters::OctetKey(oct) => {
            Some(format!("{}-byte secret", decoded_len(&oct.value)?.len()))
        }
        _ => None,
    }
}

fn curve(curve: &EllipticCurve) -> String {
    serde_json::to_value(curve)
        .ok()
        .and_then(|name| name.as_str().map(str::to_owned))
        .unwrap_or_else(|| format!("{curve:?}"))
}

fn render(report: &KeysOutput) -> String {
    let mut out = String::new();
    let count = report.keys.len();
    let _ = writeln!(
        out,
        "{} {}: {count} key{}, {} usable for verifying\n",
        paint(LABEL, "JWKS"),
        report.source,
        if count == 1 { "" } else { "s" },
        report.usable
    );
    let dash = || "-".to_owned();
    let rows: Vec<[String; 6]> = report
        .keys
        .iter()
        .map(|key| {
            [
                key.kid.clone().unwrap_or_else(dash),
                key.kty.clone().unwrap_or_else(dash),
                key.alg.clone().unwrap_or_else(dash),
                key.key_use.clone().unwrap_or_else(dash),
                key.size.clone().unwrap_or_else(dash),
                match (&key.verifies, &key.unusable) {
                    (Some(alg), _) => paint(GOOD, alg),
                    (None, why) => paint(
                        BAD,
                        &format!("no: {}", why.as_deref().unwrap_or("unusable")),
                    ),
                },
            ]
        })
        .collect();
    let head = ["kid", "kty", "alg", "use", "key", "verifies"].map(str::to_owned);
    let widths: Vec<usize> = (0..5)
        .map(|column| {
            std::iter::once(&head)
                .chain(&rows)
                .map(|row| row[column].chars().count())
                .max()
                .unwrap_or(0)
        })
        .collect();
    for (i, row) in std::iter::once(&head).chain(&rows).enumerate() {
        let mut cells = String::new();
        for (cell, width) in row.iter().zip(&widths) {
            let _ = write!(cells, "{cell:<width$}  ");
        }
        cells.push_str(&row[5]);
        let _ = writeln!(out, "{}", if i == 0 { paint(LABEL, &cells) } else { cells });
    }
    if let Some(err) = &report.document_error {
        let _ = writeln!(out, "\n{}: {err}", paint(BAD, "error"));
    }
    for warning in &report.warnings {
        let _ = writeln!(out, "{}: {warning}", paint(WARN, "warning"));
    }
    out
}
