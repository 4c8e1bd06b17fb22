import atexit
import os
import shutil
import sys
import tempfile
from pathlib import Path

import pytest
from hypothesis import settings

sys.path.insert(0, str(Path(__file__).parent))

# The user's own configuration file and the trusted keys' environment variables of whoever runs the
# tests must not reach them: an empty config home, and no CITELINT_ALLOW_PRIVATE_HOSTS / CITELINT_CACHE_DIR.
_config_home = tempfile.mkdtemp(prefix="citelint-test-config-")
atexit.register(shutil.rmtree, _config_home, True)
os.environ["XDG_CONFIG_HOME"] = _config_home
for _var in ("CITELINT_ALLOW_PRIVATE_HOSTS", "CITELINT_CACHE_DIR"):
    os.environ.pop(_var, None)

# Property tests (tests/test_properties.py): a fixed set of examples in CI, chosen by a fixed seed
# (derandomize) so a run is repeatable and inside the suite's time budget; CITELINT_PROPERTY_EXAMPLES=2000
# runs that many per in-process property, with fresh random examples, and keeps failures in the database.
settings.register_profile("ci", max_examples=40, derandomize=True, deadline=None, database=None,
                          print_blob=True)
_examples = int(os.environ.get("CITELINT_PROPERTY_EXAMPLES") or 0)
settings.register_profile("thorough", max_examples=max(_examples, 1), deadline=None, print_blob=True)
settings.load_profile("thorough" if _examples else "ci")


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
