"""Schema v3: the requested kind of PD and more of the person's story on the case, an
expiry date on documents, and free-text document kinds turned into kind ids.

The mapping below is frozen (a copy of the labels of `resources/kinds.json` when v3 was
written, English and Spanish, plus the labels older versions stored): later changes to the
kinds file must not change what this migration did. Kinds that match nothing stay as they
are. SQLite's lower() folds ASCII only, which covers every label's first letter here.
"""

from __future__ import annotations

LEGACY_KIND_NAMES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("declaration", ("declaración", "declaration")),
    (
        "identity",
        ("documento de identidad", "id", "identificación", "identity", "identity document"),
    ),
    ("passport", ("pasaporte", "passport")),
    ("birth_certificate", ("acta de nacimiento", "birth certificate", "birth_certificate")),
    (
        "marriage_certificate",
        ("acta de matrimonio", "marriage certificate", "marriage_certificate"),
    ),
    ("certificate", ("certificado", "certificate")),
    ("letter_of_support", ("carta de apoyo", "letter of support", "letter_of_support")),
    (
        "g28",
        (
            "form g-28 (attorney or representative)",
            "formulario g-28 (abogado o representante)",
            "g-28",
            "g28",
        ),
    ),
    (
        "eoir28",
        (
            "eoir-28",
            "eoir28",
            "form eoir-28 (attorney before the court)",
            "formulario eoir-28 (abogado ante la corte)",
        ),
    ),
    (
        "nta",
        (
            "notice to appear",
            "notice to appear (nta)",
            "notificación de comparecencia (nta)",
            "nta",
        ),
    ),
    (
        "government_notice",
        ("government_notice", "other notice from the government", "otro aviso del gobierno"),
    ),
    ("court_record", ("court record", "court_record", "documento judicial")),
    (
        "court_disposition",
        (
            "court disposition",
            "court disposition (how a case ended)",
            "court_disposition",
            "disposition",
            "resolución judicial (cómo terminó un caso)",
        ),
    ),
    (
        "police_clearance",
        (
            "constancia de antecedentes policiales",
            "documento policial",
            "police clearance",
            "police record",
            "police_clearance",
        ),
    ),
    (
        "background_check",
        (
            "background check",
            "background check (fbi or state)",
            "background_check",
            "verificación de antecedentes (fbi o estatal)",
        ),
    ),
    (
        "rehabilitation",
        (
            "pruebas de rehabilitación (clases, tratamiento, libertad condicional)",
            "rehabilitation",
            "rehabilitation evidence (classes, treatment, probation)",
        ),
    ),
    (
        "tax_return",
        ("declaración de impuestos", "impuestos", "tax record", "tax return", "tax_return"),
    ),
    ("pay_stub", ("pay stub", "pay_stub", "talón de pago")),
    ("employment_letter", ("carta del empleador", "employment_letter", "letter from an employer")),
    ("bank_statement", ("bank statement", "bank_statement", "estado de cuenta")),
    ("lease", ("alquiler o recibo", "contrato de alquiler", "lease", "lease or bill")),
    ("utility_bill", ("recibo de luz, agua o gas", "utility bill", "utility_bill")),
    ("remittance", ("money transfer receipt", "recibo de envío de dinero", "remittance")),
    ("school_record", ("constancia escolar", "school record", "school_record")),
    ("medical_record", ("expediente médico", "medical record", "medical_record")),
    ("community_record", ("church or community record", "community_record", "iglesia o comunidad")),
    ("photo", ("foto", "fotografía", "photo", "photograph")),
    ("translation", ("traducción", "translation")),
    ("other", ("other", "otro")),
)

_COLUMNS = """
ALTER TABLE cases ADD COLUMN requested_pd TEXT NOT NULL DEFAULT '';
ALTER TABLE cases ADD COLUMN requested_pd_other TEXT NOT NULL DEFAULT '';
ALTER TABLE cases ADD COLUMN entry_date TEXT NOT NULL DEFAULT '';
ALTER TABLE cases ADD COLUMN paroled INTEGER NOT NULL DEFAULT 0;
ALTER TABLE cases ADD COLUMN represented INTEGER NOT NULL DEFAULT 0;
ALTER TABLE cases ADD COLUMN in_proceedings INTEGER NOT NULL DEFAULT 1;
ALTER TABLE documents ADD COLUMN expires TEXT NOT NULL DEFAULT '';
"""


def _quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _kind_updates() -> str:
    return "\n".join(
        f"UPDATE documents SET kind = {_quote(kind_id)} WHERE lower(trim(kind)) IN "
        f"({', '.join(_quote(n) for n in names)});"
        for kind_id, names in LEGACY_KIND_NAMES
    )


SCHEMA_V3 = _COLUMNS + _kind_updates()
