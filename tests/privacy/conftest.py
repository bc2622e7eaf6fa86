"""The secret process of the security tests serves the privacy walks too."""
from tests.security.conftest import secret_world  # noqa: F401
