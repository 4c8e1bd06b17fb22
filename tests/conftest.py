import atexit
import os
import shutil
import sys
import tempfile
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

# The user's own configuration file and the trusted keys' environment variables of whoever runs the
# tests must not reach them: an empty config home, and no CITELINT_ALLOW_PRIVATE_HOSTS / CITELINT_CACHE_DIR.
_config_home = tempfile.mkdtemp(prefix="citelint-test-config-")
atexit.register(shutil.rmtree, _config_home, True)
os.environ["XDG_CONFIG_HOME"] = _config_home
for _var in ("CITELINT_ALLOW_PRIVATE_HOSTS", "CITELINT_CACHE_DIR"):
    os.environ.pop(_var, None)


@pytest.fixture(scope="session")
def dists(tmp_path_factory):
    """(sdist, wheel) of this checkout's tracked files, built once per run (tests/builds.py)."""
    from builds import build_dists

    return build_dists(tmp_path_factory.mktemp("build"))


@pytest.fixture(scope="session")
def wheelhouse(dists, tmp_path_factory):
    """A folder of wheels where ``citelint-wiki`` is this checkout's, for pip with ``PIP_NO_INDEX``."""
    from builds import build_wheelhouse

    return build_wheelhouse(dists[1], tmp_path_factory.mktemp("wheelhouse"))
