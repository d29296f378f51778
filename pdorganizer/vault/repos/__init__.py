"""Repositories: the vault's tables as domain operations, each change one transaction."""

from pdorganizer.vault.repos.cases import CaseRepo
from pdorganizer.vault.repos.documents import DocumentRepo, NewPage, NewSource
from pdorganizer.vault.repos.exhibits import ExhibitRepo
from pdorganizer.vault.repos.factors import FactorRepo

__all__ = ["CaseRepo", "DocumentRepo", "ExhibitRepo", "FactorRepo", "NewPage", "NewSource"]
