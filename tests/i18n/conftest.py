import pytest

from scripts import translations as catalogues


@pytest.fixture(scope="session", autouse=True)
def compiled_catalogues():
    """The interface is only translated once the .po files are compiled (.mo files are not committed)."""
    catalogues.compile_catalogues()
