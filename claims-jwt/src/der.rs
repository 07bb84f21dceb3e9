//! The DER that jsonwebtoken's signers read, written from the members of a private JWK (RFC 7518 §6):
//! PKCS#1 `RSAPrivateKey` for RSA, PKCS#8 `PrivateKeyInfo` for EC and Ed25519. Encoding only: every
//! cryptographic operation stays in the crypto backend.

/// A DER length: short form below 128, long form otherwise.
fn push_len(out: &mut Vec<u8>, len: usize) {
    if len < 0x80 {
        out.push(len as u8);
    } else {
        let bytes = len.to_be_bytes();
        let skip = bytes.iter().take_while(|&&b| b == 0).count();
        out.push(0x80 | (bytes.len() - skip) as u8);
        out.extend_from_slice(&bytes[skip..]);
    }
}

fn push_tlv(out: &mut Vec<u8>, tag: u8, content: &[u8]) {
    out.push(tag);
    push_len(out, content.len());
    out.extend_from_slice(content);
}

/// A non-negative INTEGER from big-endian magnitude bytes.
fn push_uint(out: &mut Vec<u8>, magnitude: &[u8]) {
    let skip = magnitude.iter().take_while(|&&b| b == 0).count();
    let digits = &magnitude[skip..];
    let mut content = Vec::with_capacity(digits.len() + 1);
    if digits.first().is_none_or(|&b| b & 0x80 != 0) {
        content.push(0); // zero, or a leading 1 bit that would read as negative
    }
    content.extend_from_slice(digits);
    push_tlv(out, 0x02, &content);
}

fn sequence(content: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(content.len() + 4);
    push_tlv(&mut out, 0x30, content);
    out
}

/// PKCS#1 `RSAPrivateKey` (RFC 8017 A.1.2), two-prime: `[n, e, d, p, q, dp, dq, qi]`.
pub(crate) fn rsa_private_key(members: [&[u8]; 8]) -> Vec<u8> {
    let mut content = Vec::with_capacity(members.iter().map(|m| m.len() + 5).sum::<usize>() + 3);
    push_uint(&mut content, &[0]);
    for member in members {
        push_uint(&mut content, member);
    }
    sequence(&content)
}

/// The curves jsonwebtoken signs with.
#[derive(Clone, Copy)]
pub(crate) enum Curve {
    P256,
    P384,
}

/// PKCS#8 `PrivateKeyInfo` holding a SEC 1 `ECPrivateKey` with its public point.
pub(crate) fn ec_private_key(curve: Curve, d: &[u8], x: &[u8], y: &[u8]) -> Vec<u8> {
    const EC_PUBLIC_KEY: &[u8] = &[0x06, 0x07, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02, 0x01];
    let curve_oid: &[u8] = match curve {
        Curve::P256 => &[0x06, 0x08, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x03, 0x01, 0x07],
        Curve::P384 => &[0x06, 0x05, 0x2b, 0x81, 0x04, 0x00, 0x22],
    };
    let mut point = vec![0x00, 0x04]; // BIT STRING: no unused bits, uncompressed point
    point.extend_from_slice(x);
    point.extend_from_slice(y);
    let mut ec_key = Vec::new();
    push_uint(&mut ec_key, &[1]);
    push_tlv(&mut ec_key, 0x04, d);
    let mut tagged = Vec::new();
    push_tlv(&mut tagged, 0x03, &point);
    push_tlv(&mut ec_key, 0xa1, &tagged);
    let ec_key = sequence(&ec_key);

    let mut content = Vec::new();
    push_uint(&mut content, &[0]);
    push_tlv(&mut content, 0x30, &[EC_PUBLIC_KEY, curve_oid].concat());
    push_tlv(&mut content, 0x04, &ec_key);
    sequence(&content)
}

/// PKCS#8 v1 `PrivateKeyInfo` of an Ed25519 seed (RFC 8410 §7).
pub(crate) fn ed25519_private_key(seed: &[u8]) -> Vec<u8> {
    let mut inner = Vec::with_capacity(seed.len() + 2);
    push_tlv(&mut inner, 0x04, seed);
    let mut content = Vec::new();
    push_uint(&mut content, &[0]);
    push_tlv(&mut content, 0x30, &[0x06, 0x03, 0x2b, 0x65, 0x70]);
    push_tlv(&mut content, 0x04, &inner);
    sequence(&content)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lengths_and_integers_are_canonical() {
        let mut out = Vec::new();
        push_len(&mut out, 127);
        push_len(&mut out, 128);
        push_len(&mut out, 300);
        assert_eq!(out, [0x7f, 0x81, 0x80, 0x82, 0x01, 0x2c]);
        let mut out = Vec::new();
        push_uint(&mut out, &[0, 0, 0x7f]);
        push_uint(&mut out, &[0x80]);
        push_uint(&mut out, &[]);
        assert_eq!(
            out,
            [0x02, 0x01, 0x7f, 0x02, 0x02, 0x00, 0x80, 0x02, 0x01, 0x00]
        );
    }

    #[test]
    fn ed25519_document_is_the_rfc_8410_layout() {
        let der = ed25519_private_key(&[7; 32]);
        assert_eq!(der.len(), 48);
        assert_eq!(
            der[..16],
            [
                0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04, 0x22,
                0x04, 0x20
            ]
        );
    }
}
