"""SQLCipher storage: open/key/rekey, schema and migrations, repositories, blobs."""

from pdorganizer.vault.kdf import CHEAP_PARAMS, DEFAULT_PARAMS, KdfParams
from pdorganizer.vault.vault import VAULT_SUFFIX, Vault

__all__ = ["CHEAP_PARAMS", "DEFAULT_PARAMS", "VAULT_SUFFIX", "KdfParams", "Vault"]
