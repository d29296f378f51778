"""The PD request itself: the letter (with live citations) and the person's declaration.

Qt-free. `tokens` and `markup` read the plain-text form, `draft` writes the first draft
from the case data, `store` keeps both in the vault, `declaration` renders the statement,
`service` is what the CLI and the GUI call."""
