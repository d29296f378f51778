"""Passphrase -> raw SQLCipher key, through Argon2id.

The vault file is an SQLCipher 4 database whose first 16 bytes are its salt. We choose that
salt ourselves: 12 random bytes, then the Argon2id parameters (4 bytes) masked with a hash
of the random part. So the file is self-describing (a later version can raise the
parameters and still open old vaults), needs no plaintext header or sidecar file, and its
first bytes look random: nothing marks it as a pdorganizer vault.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import asdict, dataclass

from argon2.low_level import Type, hash_secret_raw

from pdorganizer.core.errors import InvalidInput, WrongPassphrase

SALT_SIZE = 16
_RANDOM_SIZE = 12
_FORMAT = 1
_MASK_CONTEXT = b"pdorganizer-kdf-v1"


@dataclass(frozen=True)
class KdfParams:
    """Argon2id cost: memory 2**memory_log2 KiB, `time_cost` passes, `parallelism` lanes."""

    memory_log2: int = 18  # 256 MiB; with 3 passes about 0.4 s on an idle 2-core machine
    time_cost: int = 3
    parallelism: int = 2

    def validate(self) -> None:
        if not (3 <= self.memory_log2 <= 24 and 1 <= self.time_cost <= 16):
            raise ValueError("Argon2 parameters out of range")
        if not (1 <= self.parallelism <= 8) or (1 << self.memory_log2) < 8 * self.parallelism:
            raise ValueError("Argon2 parallelism out of range")

    def to_json(self) -> dict:
        return {"algorithm": "argon2id", "format": _FORMAT, **asdict(self)}


DEFAULT_PARAMS = KdfParams()
# Deliberately weak: only for tests and the self-test, chosen explicitly by the caller.
CHEAP_PARAMS = KdfParams(memory_log2=3, time_cost=1, parallelism=1)


def _mask(random_part: bytes) -> bytes:
    return hashlib.sha256(_MASK_CONTEXT + random_part).digest()[:4]


def new_salt(params: KdfParams) -> bytes:
    params.validate()
    random_part = os.urandom(_RANDOM_SIZE)
    packed = bytes([_FORMAT, params.memory_log2, params.time_cost, params.parallelism])
    return random_part + bytes(a ^ b for a, b in zip(packed, _mask(random_part), strict=True))


def params_from_salt(salt: bytes) -> KdfParams:
    """Decode the parameters; a file that is not a vault fails here without any KDF work."""
    if len(salt) != SALT_SIZE:
        raise WrongPassphrase()
    random_part, masked = salt[:_RANDOM_SIZE], salt[_RANDOM_SIZE:]
    fmt, m, t, p = (a ^ b for a, b in zip(masked, _mask(random_part), strict=True))
    params = KdfParams(memory_log2=m, time_cost=t, parallelism=p)
    try:
        if fmt != _FORMAT:
            raise ValueError("unknown format")
        params.validate()
    except ValueError:
        raise WrongPassphrase() from None
    return params


def derive_key(passphrase: str, salt: bytes, params: KdfParams) -> bytes:
    if not passphrase:
        raise WrongPassphrase("the passphrase is empty")
    return hash_secret_raw(
        passphrase_bytes(passphrase),
        salt,
        time_cost=params.time_cost,
        memory_cost=1 << params.memory_log2,
        parallelism=params.parallelism,
        hash_len=32,
        type=Type.ID,
    )


def passphrase_bytes(passphrase: str) -> bytes:
    """UTF-8 bytes of the passphrase. Text that is not valid UTF-8 (bytes from the
    environment or a file that Python kept as surrogate escapes) is refused: hashing some
    stand-in would make a vault that opens only from that same broken source."""
    try:
        return passphrase.encode("utf-8")
    except UnicodeEncodeError:
        raise InvalidInput(
            "the passphrase contains characters that are not valid text (UTF-8); type it "
            "again, or save the passphrase file as UTF-8"
        ) from None


def sqlcipher_raw_key(key: bytes, salt: bytes | None = None) -> bytes:
    """SQLCipher's raw-key form x'<key hex>[<salt hex>]', passed via sqlite3_key, never SQL."""
    return b"x'" + key.hex().encode() + (salt.hex().encode() if salt else b"") + b"'"
