"""Decrypt every page of an SQLCipher 4 vault file, free pages included, for tests that
must prove something is gone from the file (not only from the tables).

SQLCipher 4 with a raw key and salt: pages of 4096 bytes, each ending in a reserve of 80
bytes (16-byte IV, 64-byte HMAC-SHA512); page 1 starts with the 16-byte salt; the rest is
AES-256-CBC under the raw key. Everything is decrypted in memory.
"""

from __future__ import annotations

from pathlib import Path

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

from pdorganizer.vault import kdf

PAGE = 4096
RESERVE = 80


def raw_key(path: Path, passphrase: str) -> bytes:
    salt = path.read_bytes()[: kdf.SALT_SIZE]
    return kdf.derive_key(passphrase, salt, kdf.params_from_salt(salt))


def decrypted_pages(path: Path, passphrase: str) -> list[bytes]:
    key = raw_key(path, passphrase)
    raw = path.read_bytes()
    assert len(raw) % PAGE == 0, "not a whole number of pages"
    pages = []
    for n in range(len(raw) // PAGE):
        page = raw[n * PAGE : (n + 1) * PAGE]
        start = kdf.SALT_SIZE if n == 0 else 0
        body, iv = page[start : PAGE - RESERVE], page[PAGE - RESERVE : PAGE - RESERVE + 16]
        dec = Cipher(algorithms.AES(key), modes.CBC(iv)).decryptor()
        pages.append(dec.update(body) + dec.finalize())
    return pages


def decrypted_file(path: Path, passphrase: str) -> bytes:
    return b"".join(decrypted_pages(path, passphrase))
