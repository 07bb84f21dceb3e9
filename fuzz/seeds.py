#!/usr/bin/env python3
"""Writes seed inputs for one fuzz target into its corpus directory, made from tests/vectors.

    python3 fuzz/seeds.py TARGET DIR

Each seed is in the target's input format (see the target's doc comment): selector bytes first, then
header and payload JSON (or target and patch JSON) separated by 0xFF. Seeds are named by content, so
running this again adds nothing twice. Standard library only.
"""

import base64
import hashlib
import json
import pathlib
import sys

VECTORS = pathlib.Path(__file__).resolve().parent.parent / "tests" / "vectors"
SEP = b"\xff"
# Far in the future, so that seed payloads are not refused as expired whatever the targets' clock.
FAR_EXP = 4102444800
HS256_HEADER = b'{"alg":"HS256","typ":"JWT"}'


def load(name):
    return json.loads((VECTORS / name).read_text(encoding="utf-8"))


def compact(value):
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False).encode()


def b64decode(segment):
    return base64.urlsafe_b64decode(segment + "=" * (-len(segment) % 4))


def tokens():
    """Every compact token in the vectors."""
    for entry in load("rfc7515_jws.json"):
        yield entry["compact"]
    for entry in load("rfc7520_sign.json")["signatures"]:
        if entry.get("compact"):
            yield entry["compact"]
    for entry in load("provider_examples.json")["tokens_and_claims"]:
        if entry.get("compact"):
            yield entry["compact"]


def headers_and_payloads():
    """(header JSON, payload JSON) pairs: those of the vector tokens, and the providers' claim shapes."""
    for token in tokens():
        parts = token.split(".")
        if len(parts) == 3:
            try:
                yield b64decode(parts[0]), b64decode(parts[1])
            except ValueError:
                pass
    for entry in load("provider_examples.json")["tokens_and_claims"]:
        if isinstance(entry.get("payload"), dict):
            header = entry.get("header") or {"alg": "HS256", "typ": "JWT"}
            yield compact(header), compact(dict(entry["payload"], exp=FAR_EXP))


def hs256(header):
    """`header` with `alg` set to HS256 when it is a JSON object."""
    try:
        value = json.loads(header)
    except ValueError:
        return header
    if not isinstance(value, dict):
        return header
    value["alg"] = "HS256"
    return compact(value)


def verify_token():
    for token in tokens():
        yield token.encode()


def verify_signed():
    for header, payload in headers_and_payloads():
        for layout in range(3):
            yield bytes([layout]) + hs256(header) + SEP + payload
    yield b"\x00" + compact({"sub": "user_1", "exp": FAR_EXP, "plan": "pro"})


def verify_header():
    headers = {HS256_HEADER, b'{"alg":"HS256","kid":"k1","typ":"JWT"}', b'{"alg":"HS256"}'}
    for header, _ in headers_and_payloads():
        headers.add(header)
        headers.add(hs256(header))
    for header in sorted(headers):
        for layout in range(3):
            yield bytes([layout]) + header


def merge_update():
    cases = [(case["target"], case["patch"]) for case in load("rfc7396_merge.json")]
    for case in load("provider_examples.json")["stytch_custom_claims_updates"]["cases"]:
        cases.append((case["target"], case["patch"]))
    for target, patch in cases:
        for selectors in ([0, 0, 200], [1, 0, 200], [2, 255, 2], [4, 31, 200]):
            yield bytes(selectors) + compact(target) + SEP + compact(patch)


def size_accounting():
    for header, payload in headers_and_payloads():
        yield b"\x00\x00" + payload
        yield b"\x00\x00" + header
    for case in load("rfc7396_merge.json"):
        yield b"\x00\x03" + compact(case["target"])
    yield b"\x01\x00" + bytes(range(48))
    yield b"\x02\x00" + '"\\\n\t\x01\x1f\x7f é 😀 \u2028'.encode()


def derive_bound():
    yield bytes(64)
    yield bytes(range(256))
    yield b"\xff" * 512


SEEDS = {
    "verify_token": verify_token,
    "verify_signed": verify_signed,
    "verify_header": verify_header,
    "merge_update": merge_update,
    "size_accounting": size_accounting,
    "derive_bound": derive_bound,
}


def main():
    if len(sys.argv) != 3 or sys.argv[1] not in SEEDS:
        sys.exit(f"usage: seeds.py {{{'|'.join(SEEDS)}}} DIR")
    out = pathlib.Path(sys.argv[2])
    out.mkdir(parents=True, exist_ok=True)
    for seed in SEEDS[sys.argv[1]]():
        (out / ("seed-" + hashlib.sha1(seed).hexdigest())).write_bytes(seed)


if __name__ == "__main__":
    main()
