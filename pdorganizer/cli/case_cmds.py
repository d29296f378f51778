"""case add / list / show / edit / remove, and factors."""

from __future__ import annotations

import argparse
import sys

from pdorganizer.checks import texts as check_texts
from pdorganizer.cli import clinic_cmds
from pdorganizer.cli.common import add_json_arg, add_vault_arg, open_vault, print_json
from pdorganizer.core.factors import builtin_taxonomy
from pdorganizer.core.kinds import requested_pd_ids
from pdorganizer.core.models import CASE_BOOL_FIELDS, CASE_FIELDS

_PROFILE_HELP = {
    "a_number": "A-number (Alien Registration Number)",
    "date_of_birth": "date of birth (YYYY-MM-DD)",
    "country": "country of citizenship",
    "language": "preferred language",
    "court_city": "immigration court city",
    "court_state": "immigration court state",
    "judge": "immigration judge",
    "next_hearing_date": "next hearing date (YYYY-MM-DD)",
    "next_hearing_type": "next hearing type (master, individual...)",
    "filer_name": "filer / attorney name",
    "filer_address": "filer address",
    "filer_phone": "filer telephone",
    "filer_email": "filer e-mail",
    "filer_eoir_id": "filer EOIR ID",
    "opla_office": "destination OPLA field location",
    "notes": "notes",
    "requested_pd_other": "what is asked for, with --requested-pd other",
    "entry_date": "first entry to the U.S. (YYYY, YYYY-MM or YYYY-MM-DD)",
}
# Yes/no fields: (field, yes flag, no flag, help of the yes flag).
_SWITCHES = (
    ("detained", "--detained", "--not-detained", "the person is detained"),
    ("paroled", "--paroled", "--not-paroled", "the person entered with parole"),
    (
        "represented",
        "--represented",
        "--pro-se",
        "an attorney or accredited representative files (--pro-se: the person does)",
    ),
    (
        "in_proceedings",
        "--in-proceedings",
        "--not-in-proceedings",
        "the person is in removal proceedings (the default for a new case)",
    ),
)


def _add_profile_args(p: argparse.ArgumentParser) -> None:
    for field in CASE_FIELDS:
        if field == "name" or field in CASE_BOOL_FIELDS:
            continue
        if field == "requested_pd":
            p.add_argument(
                "--requested-pd",
                dest=field,
                metavar="KIND",
                choices=requested_pd_ids(),
                help="the kind of PD asked for: " + ", ".join(requested_pd_ids()),
            )
            continue
        p.add_argument(f"--{field.replace('_', '-')}", dest=field, help=_PROFILE_HELP.get(field))
    for field, yes, no, text in _SWITCHES:
        p.add_argument(yes, dest=field, action="store_true", default=None, help=text)
        p.add_argument(no, dest=field, action="store_false")
    p.add_argument(
        "--claims",
        metavar="FACTOR[,FACTOR...]",
        help="factors the person says apply (for the coverage view)",
    )


def _profile(args: argparse.Namespace) -> dict:
    return {
        f: getattr(args, f)
        for f in CASE_FIELDS
        if f != "name" and getattr(args, f, None) is not None
    }


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("factors", help="list the PD factor taxonomy (needs no vault)")
    add_json_arg(p)
    p.add_argument("--lang", choices=("en", "es"), default="en")
    p.set_defaults(func=cmd_factors)

    case = sub.add_parser("case", help="manage cases").add_subparsers(
        dest="case_command", metavar="{add,list,show,edit,remove,coverage}", required=True
    )
    p = case.add_parser("add", help="add a case; prints the new case id")
    add_vault_arg(p)
    p.add_argument("--name", required=True, help="the person's full name")
    _add_profile_args(p)
    p.set_defaults(func=cmd_case_add)

    p = case.add_parser("list", help="list cases")
    add_vault_arg(p)
    add_json_arg(p)
    p.set_defaults(func=cmd_case_list)

    p = case.add_parser("show", help="show a case's profile")
    add_vault_arg(p)
    p.add_argument("case", metavar="CASE", help="case id or exact name")
    add_json_arg(p)
    p.set_defaults(func=cmd_case_show)

    p = case.add_parser("edit", help="change a case's profile")
    add_vault_arg(p)
    p.add_argument("case", metavar="CASE")
    p.add_argument("--name")
    _add_profile_args(p)
    p.set_defaults(func=cmd_case_edit)

    p = case.add_parser("remove", help="remove a case and all its documents")
    add_vault_arg(p)
    p.add_argument("case", metavar="CASE")
    p.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    clinic_cmds.add_wipe_arg(p)
    p.set_defaults(func=cmd_case_remove)

    p = case.add_parser("coverage", help="documents per factor; factors with none")
    add_vault_arg(p)
    p.add_argument("case", metavar="CASE")
    add_json_arg(p)
    p.set_defaults(func=cmd_case_coverage)


def cmd_factors(args: argparse.Namespace) -> int:
    tax = builtin_taxonomy()
    if args.json:
        print_json(
            {
                "taxonomy_version": tax.version,
                "source": tax.source,
                "factors": [f.to_json() for f in tax.factors],
            }
        )
        return 0
    for f in tax.factors:
        print(f"{f.id:20} {f.kind:9} {f.text('label', args.lang)}")
    return 0


def cmd_case_add(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        case = vault.cases.add(args.name, **_profile(args))
        if args.claims:
            vault.cases.set_claimed_factors(case.id, _split(args.claims))
    print(case.id)
    _warn_not_in_proceedings(case.in_proceedings)
    return 0


def _warn_not_in_proceedings(in_proceedings: bool) -> None:
    """Asking ICE for PD can put a person who is not in proceedings into them: say so at
    once (on stderr: stdout carries only the case id)."""
    if not in_proceedings:
        key = "not-in-proceedings"
        print(
            f"pdorganizer: warning: {check_texts.message(key, 'en')} {check_texts.todo(key, 'en')}",
            file=sys.stderr,
        )


def _split(text: str) -> list[str]:
    return [t.strip() for t in text.split(",") if t.strip()]


def cmd_case_list(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        cases = vault.cases.list()
        counts = {c.id: len(vault.documents.list(c.id)) for c in cases}
    if args.json:
        print_json([{**c.to_json(), "document_count": counts[c.id]} for c in cases])
        return 0
    for c in cases:
        print(f"{c.id:>4}  {c.name}  {c.a_number}  ({counts[c.id]} documents)")
    return 0


def cmd_case_show(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        case = vault.cases.resolve(args.case)
    if args.json:
        print_json(case.to_json())
        return 0
    for field in CASE_FIELDS:
        value = getattr(case, field)
        if value not in ("", None, False):
            print(f"{field.replace('_', ' '):18} {'yes' if value is True else value}")
    return 0


def cmd_case_edit(args: argparse.Namespace) -> int:
    fields = _profile(args)
    if args.name is not None:
        fields["name"] = args.name
    with open_vault(args) as vault:
        case = vault.cases.resolve(args.case)
        updated = vault.cases.update(case.id, **fields)
        if args.claims is not None:
            vault.cases.set_claimed_factors(case.id, _split(args.claims))
    print(f"case {case.id} updated")
    if fields.get("in_proceedings") is False:
        _warn_not_in_proceedings(updated.in_proceedings)
    return 0


def cmd_case_remove(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        case = vault.cases.resolve(args.case)
        if not args.yes:
            answer = input(f"Remove case {case.id} and all its documents? [y/N] ")
            if answer.strip().lower() not in ("y", "yes"):
                print("nothing removed")
                return 1
        if args.wipe:
            return clinic_cmds.wipe(vault, case, yes=args.yes)
        vault.cases.delete(case.id)
    print(f"case {case.id} removed")
    return 0


def cmd_case_coverage(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        case = vault.cases.resolve(args.case)
        counts = vault.cases.coverage(case.id)
        tax = vault.factors.taxonomy()
    if args.json:
        print_json({"case": case.id, "claimed": case.claimed_factors, "counts": counts})
        return 0
    for f in tax.factors:
        n = counts.get(f.id, 0)
        flag = "  <- claimed, no evidence yet" if (n == 0 and f.id in case.claimed_factors) else ""
        print(f"{n:>4}  {f.id:20} {f.text()}{flag}")
    return 0
